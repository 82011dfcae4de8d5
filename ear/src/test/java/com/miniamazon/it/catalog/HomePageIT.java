package com.miniamazon.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.TestEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class HomePageIT {

    @Test
    void homePageListsTheSeededProductsOfTheDefaultSeller() throws Exception {
        List<String> firstSeeded = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(TestEnvironment.jdbcUrl(TestEnvironment.databaseName()), "postgres", "");
                ResultSet rs = db.createStatement().executeQuery(
                        "select p.name from product p join account a on a.id = p.seller_id "
                                + "where a.email = 'seller@mini-amazon.local' and p.active order by p.id limit 24")) {
            while (rs.next()) {
                firstSeeded.add(rs.getString(1));
            }
        }
        assertThat(firstSeeded).as("seed data").hasSizeGreaterThanOrEqualTo(24);

        try (Browser browser = Browser.open()) {
            browser.driver().get(TestEnvironment.shopUrl());
            List<String> shown = browser.driver().findElements(By.cssSelector(".product-card .product-card-name"))
                    .stream().map(WebElement::getText).toList();
            browser.screenshot("home-page");

            assertThat(browser.driver().getTitle()).contains("Mini-Amazon");
            assertThat(shown).containsExactlyElementsOf(firstSeeded);
            assertThat(browser.driver().findElements(By.cssSelector(".product-card-seller")))
                    .allSatisfy(seller -> assertThat(seller.getText()).isEqualTo("by Mini-Amazon Basics"));
            assertThat(browser.driver().findElement(By.id("searchForm:q_input")).getAttribute("placeholder")).isEqualTo("Search products");
        }
    }
}
