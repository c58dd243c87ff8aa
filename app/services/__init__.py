"""Use cases of the till: one function per cashier or manager action, one transaction each."""
