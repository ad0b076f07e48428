# coroutines and objects together: a producer object driving a generator
oo::class create Producer {
    variable items
    constructor {args} { set items $args }
    method run {} {
        yield [info coroutine]
        foreach i $items { yield [string toupper $i] }
        return done
    }
}
set p [Producer new a b c]
coroutine gen $p run
puts [list [gen] [gen] [gen] [gen] [info commands gen]]
oo::class create Base { method hello {} { return base } }
oo::class create Derived {
    superclass Base
    method hello {} { tailcall string cat [next] +derived }
}
puts [[Derived new] hello]
