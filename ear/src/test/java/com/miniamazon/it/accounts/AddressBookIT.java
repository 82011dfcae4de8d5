package com.miniamazon.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.pages.AddressBookPage;
import com.miniamazon.it.pages.RegisterPage;
import com.miniamazon.it.support.Browser;
import com.miniamazon.it.support.Shoppers;
import org.junit.jupiter.api.Test;

/** The address book that fills checkout: bad coordinates are refused with messages, good ones are saved. */
class AddressBookIT {

    @Test
    void badCoordinatesAreRefusedNextToTheFieldAndGoodOnesAreSaved() {
        try (Browser browser = Browser.open()) {
            RegisterPage.open(browser).register("Edsger", Shoppers.uniqueEmail("edsger"), Shoppers.PASSWORD);
            AddressBookPage book = AddressBookPage.open(browser);

            book.add("Home", "12.5", "abc");
            assertThat(book.fieldMessage("destination:x")).contains("x must be a whole number");
            assertThat(book.fieldMessage("destination:y")).contains("y must be a whole number");
            book.add("Home", "20000", "-3");
            assertThat(book.fieldMessage("destination:x")).contains("from -10000 to 10000");
            browser.screenshot("address-book-validation");
            assertThat(book.labels()).isEmpty();

            book.add("Home", "12", "-34");
            assertThat(book.growlContaining("Saved")).contains("Home (12, -34)");
            book.add("home", "1", "1");
            assertThat(book.fieldMessage("destination:label")).contains("already");
            assertThat(AddressBookPage.open(browser).labels()).containsExactly("Home");
            browser.screenshot("address-book");
        }
    }
}
