-- Goods that exist on the first start: a default seller that owns them, categories, products, warehouses.
-- The default seller cannot log in until a password is configured (see the configuration reference).

insert into account (email, display_name, password_hash, is_seller)
values ('seller@mini-amazon.local', 'Mini-Amazon Basics', '!', true);

insert into category (name, slug) values
    ('Electronics', 'electronics'),
    ('Books', 'books'),
    ('Home & Kitchen', 'home-kitchen'),
    ('Toys & Games', 'toys-games'),
    ('Sports & Outdoors', 'sports-outdoors'),
    ('Grocery', 'grocery');

insert into product (seller_id, category_id, name, description, price)
select s.id, c.id, p.name, p.description, p.price
from (values
    ('electronics', 'Laptop 14" Ultrabook', 'A light 14-inch laptop with 16 GB of memory, a 512 GB SSD and a full day of battery.', 899.00),
    ('electronics', 'Gaming Laptop 16"', 'A 16-inch gaming laptop with a 240 Hz display, dedicated graphics and a cooling pad in the box.', 1499.00),
    ('electronics', 'Laptop Sleeve 15"', 'A padded, water-repellent sleeve that fits laptops up to 15.6 inches.', 24.99),
    ('electronics', 'Wireless Mouse', 'A quiet wireless mouse with a USB receiver and 18 months of battery life.', 19.99),
    ('electronics', 'Mechanical Keyboard', 'A tenkeyless mechanical keyboard with hot-swappable brown switches.', 79.00),
    ('electronics', 'Noise-Cancelling Headphones', 'Over-ear Bluetooth headphones with active noise cancelling and 30 hours of play.', 199.00),
    ('electronics', 'USB-C Charger 65 W', 'A compact gallium-nitride charger for laptops, tablets and phones.', 39.00),
    ('electronics', '27" 4K Monitor', 'A 27-inch IPS monitor with 4K resolution and a USB-C input that charges your laptop.', 329.00),
    ('electronics', 'Smartphone 128 GB', 'An unlocked smartphone with a 6.1-inch OLED screen and a dual camera.', 499.00),
    ('electronics', 'E-Reader', 'A glare-free 6-inch e-reader with a warm light and weeks of battery.', 129.00),
    ('books', 'The Pragmatic Programmer', 'The classic guide to the craft of software development, 20th anniversary edition.', 42.50),
    ('books', 'Designing Data-Intensive Applications', 'The big ideas behind reliable, scalable and maintainable systems.', 49.90),
    ('books', 'Domain-Driven Design', 'Tackling complexity in the heart of software.', 54.00),
    ('books', 'A Field Guide to Birds', 'Every bird of the region, with maps and 2,000 illustrations.', 27.00),
    ('books', 'The Joy of Cooking', 'The kitchen classic with over 4,000 recipes.', 35.00),
    ('books', 'Children''s Atlas of the World', 'Maps, flags and facts for curious young readers.', 18.00),
    ('home-kitchen', 'Chef''s Knife 8"', 'A forged stainless-steel chef''s knife with a full tang.', 59.00),
    ('home-kitchen', 'Cast Iron Skillet 12"', 'A pre-seasoned cast iron skillet for stove, oven and campfire.', 34.90),
    ('home-kitchen', 'Espresso Machine', 'A 15-bar espresso machine with a steam wand for milk.', 249.00),
    ('home-kitchen', 'Electric Kettle', 'A 1.7-litre stainless-steel kettle with temperature control.', 45.00),
    ('home-kitchen', 'Cotton Bath Towels (Set of 4)', 'Soft, absorbent towels of long-staple cotton.', 39.99),
    ('home-kitchen', 'LED Desk Lamp', 'A dimmable desk lamp with five colour temperatures.', 29.99),
    ('toys-games', 'Building Blocks 1000 pcs', 'A thousand classic bricks in 30 colours for builders of all ages.', 49.99),
    ('toys-games', 'Strategy Board Game', 'Trade, build and settle a new island, for 3 to 4 players.', 44.00),
    ('toys-games', 'Jigsaw Puzzle 1500 pcs', 'A 1500-piece puzzle of a mountain lake at dawn.', 21.00),
    ('toys-games', 'Remote Control Car', 'A fast 1:16 scale off-road car with a rechargeable battery.', 64.00),
    ('sports-outdoors', 'Yoga Mat', 'A non-slip 6 mm yoga mat with a carrying strap.', 25.00),
    ('sports-outdoors', 'Camping Tent (2 Person)', 'A light, waterproof dome tent that pitches in five minutes.', 119.00),
    ('sports-outdoors', 'Stainless Water Bottle', 'A double-walled bottle that keeps drinks cold for 24 hours.', 22.00),
    ('sports-outdoors', 'Running Shoes', 'Cushioned road running shoes with a breathable mesh upper.', 89.00),
    ('sports-outdoors', 'Adjustable Dumbbells', 'A pair of dumbbells adjustable from 2 to 24 kg.', 279.00),
    ('grocery', 'Arabica Coffee Beans 1 kg', 'Medium roast whole beans from a single farm.', 24.00),
    ('grocery', 'Green Tea (100 Bags)', 'Japanese sencha green tea in biodegradable bags.', 9.50),
    ('grocery', 'Dark Chocolate 85%', 'Six bars of single-origin dark chocolate.', 15.00),
    ('grocery', 'Extra Virgin Olive Oil 1 l', 'Cold-pressed olive oil from the first harvest.', 14.90),
    ('grocery', 'Mixed Nuts 1 kg', 'Roasted, unsalted almonds, cashews, hazelnuts and walnuts.', 19.90)
) as p (category_slug, name, description, price)
join category c on c.slug = p.category_slug
cross join (select id from account where email = 'seller@mini-amazon.local') s;

insert into warehouse (id, name, x, y) values
    (1, 'Durham Central', 10, 10),
    (2, 'Raleigh North', 60, 80),
    (3, 'Chapel Hill West', -40, 30),
    (4, 'Cary South', 50, -45),
    (5, 'Greensboro Far West', -90, -70);
