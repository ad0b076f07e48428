"""Tests for tclish/commands/arrays.py (the array ensemble).  Expected values
were recorded from tclsh 8.6.13."""

import pytest

from tclish import Interp
from tclcheck import Err, check, run
from tclish.commands import arrays




def test_hash_order_matches_tcl_for_small_and_rebuilt_tables():
    assert arrays.hash_order(["x", "y", "z"]) == ["x", "y", "z"]
    keys = ["k%d" % i for i in range(40)]
    assert arrays.hash_order(keys)[:6] == ["k23", "k24", "k25", "k26", "k0", "k27"]


def test_array_subcommands_fire_array_traces_first():
    # Tcl's LocateArray fires "array" traces before anything else, so a trace
    # can fill in the array even when `array set` then fails [var-20.11]
    interp = Interp()
    var = interp.runtime.lookup_var("foo", create=True)
    fired = []

    def on_array(rt, base, index, op):
        fired.append(op)
        rt.set_var("foo(bar)", "baz")

    var.traces = [(("array",), on_array)]
    assert run("catch {array set foo bad}; set foo(bar)", interp) == "baz"
    assert run("array size foo; array names foo; array exists foo", interp) == "1"
    assert fired == ["array"] * 4


ARRAY_SET_AND_GET = [
    ('array set a {x 1 y 2 z 3}; lsort [array names a]', 'x y z'),
    ('array set c {}; list [array exists c] [array size c] [info exists c]', '1 0 1'),
    ('array set e {a 1 a 2}; array get e', 'a 2'),
    ('array set f [dict create a 1 b 2]; array get f', 'a 1 b 2'),
    ('array set b {x 9}; array set b {y 8 x 7}; array get b', 'x 7 y 8'),
    ('array set b {x 1 y 2}; list [array get b x] [array get b nope] [array get b \\[xy\\]]', '{x 1} {} {x 1 y 2}'),
    ('apply {{} {global x; array set x {a 1}}}; array size x', '1'),
    ('apply {{} {array set ::x {}}}; array size x', '0'),
    ('apply {{} {eval {array set ::x {a 1}}}}; array size x', '1'),
]


@pytest.mark.parametrize("script, expected", ARRAY_SET_AND_GET)
def test_array_set_and_get(script, expected):
    check(script, expected)


ARRAY_SET_ERRORS = [
    ('array set a {x 1 y}', Err('list must have an even number of elements')),
    ('array set a "\\{"', Err('unmatched open brace in list')),
    ('set s 1; array set s {x 1}', Err('can\'t set "s(x)": variable isn\'t array')),
    ('set s 1; array set s {}', Err('can\'t array set "s": variable isn\'t array')),
    ('set s 1; array set s {x}', Err('list must have an even number of elements')),
    ('array set a(x) {}', Err('can\'t set "a(x)": variable isn\'t array')),
    ('array set a(x) {a}', Err('can\'t set "a(x)": variable isn\'t array')),
    ('array set a {x 1 y}; info exists a', Err('list must have an even number of elements')),
]


@pytest.mark.parametrize("script, expected", ARRAY_SET_ERRORS)
def test_array_set_errors(script, expected):
    check(script, expected)


ARRAY_QUERIES_ON_NON_ARRAYS_ARE_EMPTY = [
    ('set s 1; list [array get s] [array names s] [array size s] [array exists s] [array unset s] [set s]', '{} {} 0 0 {} 1'),
    ('list [array get nonexist] [array names nonexist] [array size nonexist] [array exists nonexist] [array unset nonexist] [array unset nonexist *]', '{} {} 0 0 {} {}'),
    ('array set b {x 1}; list [array exists b(x)] [array get b(x)] [array size b(x)]', '0 {} 0'),
]


@pytest.mark.parametrize("script, expected", ARRAY_QUERIES_ON_NON_ARRAYS_ARE_EMPTY)
def test_array_queries_on_non_arrays_are_empty(script, expected):
    check(script, expected)


ARRAY_NAMES_MODES = [
    ('array set b {x 1 y 2 z 3}; list [array names b -glob x*] [array names b -exact x*] [array names b -regexp {^[xy]}] [array names b -exact y] [array names b -exact]', 'x {} {x y} y {}'),
    ('array set b {x 1 y 2 z 3}; list [array names b x*] [array names b -g z]', 'x z'),
    ('array set b {x 1}; array names b -regexp (', Err("couldn't compile regular expression pattern: parentheses () not balanced")),
    ('array set b {xa 1 ya 2 z 3}; lsort [array names b -regexp {a$}]', 'xa ya'),
    ('array set b {x 1}; array names b -foo x', Err('bad option "-foo": must be -exact, -glob, or -regexp')),
    ('array set b {x 1}; array names b x* y', Err('bad option "x*": must be -exact, -glob, or -regexp')),
    ('array set b {x 1}; array get b -exact x', Err('wrong # args: should be "array get arrayName ?pattern?"')),
]


@pytest.mark.parametrize("script, expected", ARRAY_NAMES_MODES)
def test_array_names_modes(script, expected):
    check(script, expected)


ARRAY_NAMES_LISTS_ELEMENTS_IN_TCL_HASH_ORDER = [
    ('for {set i 0} {$i < 40} {incr i} {set big(k$i) $i}\narray names big', 'k23 k24 k25 k26 k0 k27 k1 k10 k28 k2 k11 k30 k29 k12 k3 k31 k13 k4 k32 k14 k5 k33 k15 k6 k34 k16 k7 k35 k17 k8 k36 k18 k9 k37 k20 k19 k38 k21 k39 k22'),
    ('for {set i 0} {$i < 40} {incr i} {set big(k$i) $i}\narray get big k1*', 'k1 1 k10 10 k11 11 k12 12 k13 13 k14 14 k15 15 k16 16 k17 17 k18 18 k19 19'),
    ('array set u {b 1 a 2 c 3 ab 4 ba 5 abc 6 é 7 {} 8 {x y} 9}; array names u', '{} é {x y} a abc b ba ab c'),
    ('array set u {b 1 a 2 c 3 ab 4 ba 5 abc 6 é 7 {} 8 {x y} 9}; array get u', '{} 8 é 7 {x y} 9 a 2 abc 6 b 1 ba 5 ab 4 c 3'),
    ('for {set i 0} {$i < 200} {incr i} {set big([expr {$i * 7919 % 1000}]) $i}\narray names big', '286 925 37 928 40 302 931 43 305 934 623 308 299 311 626 629 56 632 947 950 59 635 62 953 65 327 956 330 68 959 962 333 651 336 654 339 657 84 660 975 87 663 0 978 90 352 981 3 93 355 984 6 96 358 987 9 361 676 364 679 367 682 685 688 691 380 704 707 383 710 386 713 389 716 392 408 411 414 732 417 420 735 109 738 112 741 115 744 433 118 121 436 124 439 442 757 760 445 448 763 137 766 140 769 143 772 461 146 464 149 467 470 785 473 788 791 165 794 168 797 171 813 174 489 501 816 492 177 819 495 822 498 825 514 190 202 193 517 205 520 196 523 838 199 841 526 844 529 218 847 221 850 224 853 542 227 230 545 548 551 866 554 869 872 246 875 249 878 881 252 570 255 573 258 900 576 12 903 894 579 15 906 582 897 271 274 601 277 28 604 280 919 595 31 922 607 283 598 34 610'),
]


@pytest.mark.parametrize("script, expected", ARRAY_NAMES_LISTS_ELEMENTS_IN_TCL_HASH_ORDER)
def test_array_names_lists_elements_in_tcl_hash_order(script, expected):
    check(script, expected)


ARRAY_UNSET = [
    ('array set a { 1,1 a 1,2 b 2,1 c 2,3 d }; array unset a 1,*; lsort -dict [array names a]', '2,1 2,3'),
    ('array set a { 1,1 a 1,2 b }; array unset a; list [array exists a] [info exists a]', '0 0'),
    ('array set a { 1,1 a 1,2 b }; array unset a *; list [array exists a] [info exists a] [array size a]', '1 1 0'),
    ('array set a { 1,1 a 1,2 b }; array unset a 1,1; array get a', '1,2 b'),
    ('array set a {}; array unset a -exact; array size a', '0'),
    ('array set a { 1,1 a }; array unset a pattern too', Err('wrong # args: should be "array unset arrayName ?pattern?"')),
]


@pytest.mark.parametrize("script, expected", ARRAY_UNSET)
def test_array_unset(script, expected):
    check(script, expected)


ARRAY_STATISTICS = [
    ('for {set i 0} {$i < 40} {incr i} {set big(k$i) $i}\narray statistics big', '40 entries in table, 16 buckets\nnumber of buckets with 0 entries: 0\nnumber of buckets with 1 entries: 3\nnumber of buckets with 2 entries: 3\nnumber of buckets with 3 entries: 9\nnumber of buckets with 4 entries: 1\nnumber of buckets with 5 entries: 0\nnumber of buckets with 6 entries: 0\nnumber of buckets with 7 entries: 0\nnumber of buckets with 8 entries: 0\nnumber of buckets with 9 entries: 0\nnumber of buckets with 10 or more entries: 0\naverage search distance for entry: 1.9'),
    ('array set arr {}; array statistics arr', '0 entries in table, 4 buckets\nnumber of buckets with 0 entries: 4\nnumber of buckets with 1 entries: 0\nnumber of buckets with 2 entries: 0\nnumber of buckets with 3 entries: 0\nnumber of buckets with 4 entries: 0\nnumber of buckets with 5 entries: 0\nnumber of buckets with 6 entries: 0\nnumber of buckets with 7 entries: 0\nnumber of buckets with 8 entries: 0\nnumber of buckets with 9 entries: 0\nnumber of buckets with 10 or more entries: 0\naverage search distance for entry: 0.0'),
    ('array statistics nonexist', Err('"nonexist" isn\'t an array')),
]


@pytest.mark.parametrize("script, expected", ARRAY_STATISTICS)
def test_array_statistics(script, expected):
    check(script, expected)


ARRAY_SEARCHES = [
    ('array set b {x 1 y 2 z 3}\nset s [array startsearch b]\nlist $s [array anymore b $s] [array nextelement b $s] [array nextelement b $s] [array nextelement b $s] [array nextelement b $s] [array anymore b $s] [array donesearch b $s]', 's-1-b 1 x y z {} 0 {}'),
    ('array set q {a 1}; set s [array startsearch q]; set q(b) 2; array nextelement q $s', Err('couldn\'t find search "s-1-q"')),
    ('array set q {a 1 b 2}; set s [array startsearch q]; unset q(b); array nextelement q $s', Err('couldn\'t find search "s-1-q"')),
    ('apply {{} {array set a {aa 11 bb 22 cc 33 dd 44 ee 55 ff 66}; set s [array startsearch a]; unset a([array nextelement a $s]); array nextelement a $s}}', Err('couldn\'t find search "s-1-a"')),
    ('array set q {a 1}; set s [array startsearch q]; set q(a) 5; array nextelement q $s', 'a'),
    ('array set q {a 1}; set s [array startsearch q]; unset q; array set q {a 1}; array nextelement q $s', Err('couldn\'t find search "s-1-q"')),
    ('array set q {a 1}; set s [array startsearch q]; set s2 [array startsearch q]; list $s $s2 [array donesearch q $s] [array startsearch q]', 's-1-q s-2-q {} s-3-q'),
    ('array set q {a 1}; list [catch {array anymore q s-x-q} m1] $m1 [catch {array anymore q s-1-} m2] $m2 [catch {array anymore q s-9-q} m3] $m3 [catch {array nextelement q foo} m4] $m4', '1 {illegal search identifier "s-x-q"} 1 {search identifier "s-1-" isn\'t for variable "q"} 1 {couldn\'t find search "s-9-q"} 1 {illegal search identifier "foo"}'),
    ('array startsearch nonexist', Err('"nonexist" isn\'t an array')),
    ('set sc 1; array startsearch sc', Err('"sc" isn\'t an array')),
]


@pytest.mark.parametrize("script, expected", ARRAY_SEARCHES)
def test_array_searches(script, expected):
    check(script, expected)


ARRAY_ENSEMBLE_ERRORS = [
    ('array', Err('wrong # args: should be "array subcommand ?arg ...?"')),
    ('array foo', Err('unknown or ambiguous subcommand "foo": must be anymore, donesearch, exists, get, names, nextelement, set, size, startsearch, statistics, or unset')),
    ('array set', Err('wrong # args: should be "array set arrayName list"')),
    ('array get', Err('wrong # args: should be "array get arrayName ?pattern?"')),
    ('array names', Err('wrong # args: should be "array names arrayName ?mode? ?pattern?"')),
    ('array size', Err('wrong # args: should be "array size arrayName"')),
    ('array exists', Err('wrong # args: should be "array exists arrayName"')),
    ('array unset', Err('wrong # args: should be "array unset arrayName ?pattern?"')),
    ('array statistics', Err('wrong # args: should be "array statistics arrayName"')),
    ('array startsearch', Err('wrong # args: should be "array startsearch arrayName"')),
    ('array nextelement a', Err('wrong # args: should be "array nextelement arrayName searchId"')),
]


@pytest.mark.parametrize("script, expected", ARRAY_ENSEMBLE_ERRORS)
def test_array_ensemble_errors(script, expected):
    check(script, expected)
