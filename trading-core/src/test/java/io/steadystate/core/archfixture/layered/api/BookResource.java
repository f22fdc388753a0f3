package io.steadystate.core.archfixture.layered.api;

import io.steadystate.core.archfixture.layered.book.OrderBook;
import io.steadystate.core.archfixture.othersvc.OtherServicesClass;

/** Fixture: api → book (one direction only), and a reach into another "service". */
public class BookResource {
    public int depth(OrderBook book) {
        return book.depth() + new OtherServicesClass().hashCode() * 0;
    }
}
