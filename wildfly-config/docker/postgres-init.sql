-- The simulators keep their worlds in databases of their own beside the shop's.
create database miniamazon_world;
create database miniamazon_ups;
