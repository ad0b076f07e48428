puts [lindex {a b} [error inner]]
