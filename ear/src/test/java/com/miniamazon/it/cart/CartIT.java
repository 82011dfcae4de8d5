package com.miniamazon.it.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.CartPage;
import com.miniamazon.it.pages.LoginPage;
import com.miniamazon.it.pages.ProductPage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.pages.SearchPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.Shoppers;
import org.junit.jupiter.api.Test;

/** The cart: a visitor's cart follows them into their account, quantities and totals, bad quantities refused. */
class CartIT {

    @Test
    void aVisitorsCartIsKeptWhenTheyRegisterAndIsSavedAcrossSignIns() {
        String email = Shoppers.uniqueEmail("cart");
        try (Browser browser = Browser.open()) {
            ProductPage mouse = SearchPage.searchFor(browser, "wireless mouse").open("Wireless Mouse");
            mouse.addToCart("2");
            assertThat(mouse.growlContaining("Added to your cart")).contains("2 \u00d7 Wireless Mouse");
            mouse.waitForCartCount(2);
            SearchPage.searchFor(browser, "kettle").open("Electric Kettle").addToCart("1").waitForCartCount(3);

            RegisterPage.open(browser).register("Cart Keeper", email, Shoppers.PASSWORD);
            CartPage cart = CartPage.open(browser);
            assertThat(cart.productNames()).containsExactly("Wireless Mouse", "Electric Kettle");
            assertThat(cart.total()).isEqualTo("$84.98");

            cart.changeQuantity(1, "3");
            assertThat(cart.total()).isEqualTo("$174.98");
            cart.waitForCartCount(5);
            browser.screenshot("cart");

            cart.signOut();
            assertThat(CartPage.open(browser).isEmpty()).isTrue();
            LoginPage.open(browser).signIn(email, Shoppers.PASSWORD);
            CartPage again = CartPage.open(browser);
            assertThat(again.productNames()).containsExactly("Wireless Mouse", "Electric Kettle");
            assertThat(again.total()).isEqualTo("$174.98");

            again.remove(0);
            assertThat(again.productNames()).containsExactly("Electric Kettle");
            assertThat(again.total()).isEqualTo("$135.00");
        }
    }

    @Test
    void badQuantitiesAreRefusedWithAMessageNextToTheField() {
        try (Browser browser = Browser.open()) {
            ProductPage tea = SearchPage.searchFor(browser, "green tea").open("Green Tea (100 Bags)");
            tea.addToCart("0");
            assertThat(tea.quantityMessage()).contains("from 1 to 99");
            tea.addToCart("two");
            assertThat(tea.quantityMessage()).contains("whole number");
            tea.addToCart("100");
            assertThat(tea.quantityMessage()).contains("from 1 to 99");
            browser.screenshot("product-bad-quantity");
            assertThat(tea.cartCount()).isZero();

            tea.addToCart("4").waitForCartCount(4);
            CartPage cart = CartPage.open(browser);
            cart.changeQuantity(0, "-1");
            assertThat(cart.quantityMessage(0)).contains("from 1 to 99");
            assertThat(cart.total()).isEqualTo("$38.00");
        }
    }
}
