"""Tests for tclish/commands/lists.py (linsert, lreplace, lset, lsearch, lsort,
lreverse, lrepeat).  Expected values were recorded from tclsh 8.6.13."""

import pytest

from tclish import Interp
from tclcheck import Err, check, run
from tclish.commands import lists




def test_dictionary_compare_orders_numbers_by_value_then_case():
    cmp = lists.dictionary_compare
    assert cmp("x9", "x10") < 0
    assert cmp("a03b", "a3b") > 0
    assert cmp("ABcd", "abcd") < 0
    assert cmp("abc", "abc") == 0
    assert cmp("abc", "abcd") < 0


def test_dictionary_key_sorts_as_dictionary_compare():
    words = ["a003b", "a03b", "a3b", "A03b", "x9", "x10", "X10", "ab", "aB", "Ab", "a1b",
             "a!b", "", "0", "00", "a", "é", "É", "z-1", "z+1"]
    for a in words:
        for b in words:
            c = lists.dictionary_compare(a, b)
            ka, kb = lists.dictionary_key(a), lists.dictionary_key(b)
            assert ((c > 0) - (c < 0)) == ((ka > kb) - (ka < kb)), (a, b)


def test_lset_changes_an_unshared_list_in_place():
    interp = Interp()
    interp.eval("set x [list a [list b c]]")
    before = id(interp.runtime.lookup_var("x").value)
    interp.eval("lset x 1 0 Z")
    # a copy would be made while the old list is alive, so it gets a new id
    assert id(interp.runtime.lookup_var("x").value) == before
    assert run("set x", interp) == "a {Z c}"


def test_lset_in_a_loop_is_linear():
    # 20000 lsets on a list copied at each call would take minutes
    script = ("proc fill {} {set l [lrepeat 20000 0]; "
              "for {set i 0} {$i < 20000} {incr i} {lset l $i x}; llength $l}; fill")
    assert run(script) == "20000"


LINSERT_PLACES_ELEMENTS_BY_TCL_INDEX_RULES = [
    ('linsert {1 2 3 4 5} 0 a', 'a 1 2 3 4 5'),
    ('linsert {1 2 3 4 5} 5 a', '1 2 3 4 5 a'),
    ('linsert {1 2 3 4 5} 2 one two \\{three \\$four', '1 2 one two \\{three {$four} 3 4 5'),
    ('linsert {a b c} -1 x', 'x a b c'),
    ('linsert {a b c} 10 x', 'a b c x'),
    ('linsert {a b c} end q r', 'a b c q r'),
    ('linsert {a b c d} end-2 e f', 'a b e f c d'),
    ('linsert {a b c} end+1 x', 'a b c x'),
    ('linsert {a b c} end-10 x', 'x a b c'),
    ('linsert {} 2 {}', '{}'),
    ('linsert "a\\nb\\nc" 0', 'a b c'),
    ('linsert {a b} 1+0 x', 'a x b'),
]


@pytest.mark.parametrize("script, expected", LINSERT_PLACES_ELEMENTS_BY_TCL_INDEX_RULES)
def test_linsert_places_elements_by_tcl_index_rules(script, expected):
    check(script, expected)


LINSERT_ERRORS = [
    ('linsert a b', Err('bad index "b": must be integer?[+-]integer? or end?[+-]integer?')),
    ('linsert a 12x 2', Err('bad index "12x": must be integer?[+-]integer? or end?[+-]integer?')),
    ('linsert \\{ 12 2', Err('unmatched open brace in list')),
    ('linsert', Err('wrong # args: should be "linsert list index ?element ...?"')),
]


@pytest.mark.parametrize("script, expected", LINSERT_ERRORS)
def test_linsert_errors(script, expected):
    check(script, expected)


LREPLACE_CLAMPS_INDICES_AS_TCL_DOES = [
    ('lreplace {1 2 3 4 5} 0 0 a', 'a 2 3 4 5'),
    ('lreplace {1 2 3 4 5} 4 5 a', '1 2 3 4 a'),
    ('lreplace {1 2 3 4 5} -1 -1 a', 'a 1 2 3 4 5'),
    ('lreplace {1 2 3 4 5} 2 end a b c d', '1 2 a b c d'),
    ('lreplace {1 2 3 4 5} 0 3', '5'),
    ('lreplace {1 2 3 4} end -1 z', '1 2 3 z 4'),
    ('lreplace {0 1 2 3 4} end-2 end-3 a b c', '0 1 a b c 2 3 4'),
    ('lreplace {0 1 2 3 4} end-2 1 a b c', '0 1 a b c 2 3 4'),
    ('lreplace {a b c} 5 6 x', 'a b c x'),
    ('lreplace {a b c} -5 -3 x', 'x a b c'),
    ('lreplace {} 1 1', ''),
    ('lreplace { } 1 1', ''),
    ('lreplace {1 2 3} 2 0', '1 2 3'),
    ('lreplace {a b "c c" d e f} 3 3', 'a b {c c} e f'),
    ('concat \\"[lreplace {\\}\\     hello} end end]\\"', '"\\}\\ "'),
    ('set foo {a b}\nlist [set foo [lreplace $foo end end]] [set foo [lreplace $foo end end]] [set foo [lreplace $foo end end]]', 'a {} {}'),
]


@pytest.mark.parametrize("script, expected", LREPLACE_CLAMPS_INDICES_AS_TCL_DOES)
def test_lreplace_clamps_indices_as_tcl_does(script, expected):
    check(script, expected)


LREPLACE_ERRORS = [
    ('lreplace x 10 x', Err('bad index "x": must be integer?[+-]integer? or end?[+-]integer?')),
    ('lreplace x a 10', Err('bad index "a": must be integer?[+-]integer? or end?[+-]integer?')),
    ('lreplace a b', Err('wrong # args: should be "lreplace list first last ?element ...?"')),
]


@pytest.mark.parametrize("script, expected", LREPLACE_ERRORS)
def test_lreplace_errors(script, expected):
    check(script, expected)


LREVERSE = [
    ('lreverse {a b {c d} e f}', 'f e {c d} b a'),
    ('lreverse {}', ''),
    ('lreverse "  "', '  '),
    ('lreverse "not \\{a list"', Err('unmatched open brace in list')),
    ('lreverse a b', Err('wrong # args: should be "lreverse list"')),
]


@pytest.mark.parametrize("script, expected", LREVERSE)
def test_lreverse(script, expected):
    check(script, expected)


LREPEAT = [
    ('lrepeat 3 a b c', 'a b c a b c a b c'),
    ('lrepeat 3 [lrepeat 2 a] b c', '{a a} b c {a a} b c {a a} b c'),
    ('lrepeat 0 a', ''),
    ('lrepeat 2', ''),
    ('lrepeat -3 1', Err('bad count "-3": must be integer >= 0')),
    ('lrepeat 3.5 1', Err('expected integer but got "3.5"')),
    ('lrepeat 08 a', Err('expected integer but got "08"')),
    ('lrepeat 0x10000000 a b c d e f g h', Err('max length of a Tcl list (536870909 elements) exceeded')),
    ('lrepeat 99999999999 a', Err('integer value too large to represent')),
    ('lrepeat', Err('wrong # args: should be "lrepeat count ?value ...?"')),
]


@pytest.mark.parametrize("script, expected", LREPEAT)
def test_lrepeat(script, expected):
    check(script, expected)


LSET_REPLACES_OR_APPENDS_ALONG_AN_INDEX_PATH = [
    ('set x {a b c}; lset x 1 Z', 'a Z c'),
    ('set x {a b c}; lset x 3 Z', 'a b c Z'),
    ('set x {a b c}; lset x end+1 Z', 'a b c Z'),
    ('set x {a {b c} d}; lset x 1 1 Z', 'a {b Z} d'),
    ('set x {a {b c} d}; lset x {1 2} Z', 'a {b c Z} d'),
    ('set x {a {b c} d}; lset x {} Z', 'Z'),
    ('set x {a {b c} d}; lset x Z', 'Z'),
    ('set x {}; lset x 0 0 Z', 'Z'),
    ('set x {a}; lset x 0 1 Z', '{a Z}'),
    ('set x {a b}; lset x {0 0 0} Z', 'Z b'),
    ('set x {a {b {c d}}}; lset x 1 1 0 Z', 'a {b {Z d}}'),
    ('set x {a b}; lset x 1+1 Z', 'a b Z'),
    ('set x {a {b c}}; lset x " 1 " Z', 'a Z'),
    ('set x {a {b c}}; lset x [list 1 end] Z', 'a {b Z}'),
]


@pytest.mark.parametrize("script, expected", LSET_REPLACES_OR_APPENDS_ALONG_AN_INDEX_PATH)
def test_lset_replaces_or_appends_along_an_index_path(script, expected):
    check(script, expected)


LSET_ERRORS_LEAVE_THE_VARIABLE_ALONE = [
    ('set x {a b c}; lset x 4 Z', Err('list index out of range')),
    ('set x {a b c}; lset x -1 Z', Err('list index out of range')),
    ('set x {a {b c} d}; lset x {1 3} Z', Err('list index out of range')),
    ('set x {a {b c} d}; list [catch {lset x 3 5 Z} m] $m $x', '1 {list index out of range} {a {b c} d}'),
    ('set x {a b}; lset x foo Z', Err('bad index "foo": must be integer?[+-]integer? or end?[+-]integer?')),
    ('set x "a \\{"; lset x 0 Z', Err('unmatched open brace in list')),
    ('set x {a b}; lset x \\{ Z', Err('bad index "{": must be integer?[+-]integer? or end?[+-]integer?')),
    ('set x {a b}; lset x "1 \\{" Z', Err('bad index "1 {": must be integer?[+-]integer? or end?[+-]integer?')),
    ('set x {a {b c}}; lset x "end -1" Z', Err('list index out of range')),
    ('lset y 0 Z', Err('can\'t read "y": no such variable')),
    ('lset x', Err('wrong # args: should be "lset listVar ?index? ?index ...? value"')),
]


@pytest.mark.parametrize("script, expected", LSET_ERRORS_LEAVE_THE_VARIABLE_ALONE)
def test_lset_errors_leave_the_variable_alone(script, expected):
    check(script, expected)


LSET_NEVER_CHANGES_A_SHARED_VALUE = [
    ('set x {a b c}; set y $x; lset x 0 Z; list $x $y', '{Z b c} {a b c}'),
    ('set x {a {b c}}; set y $x; lset x 1 0 Z; list $x $y', '{a {Z c}} {a {b c}}'),
    ('set x [list a [list b c]]; set y [lindex $x 1]; lset x 1 0 Z; list $x $y', '{a {Z c}} {b c}'),
]


@pytest.mark.parametrize("script, expected", LSET_NEVER_CHANGES_A_SHARED_VALUE)
def test_lset_never_changes_a_shared_value(script, expected):
    check(script, expected)


LSEARCH_MATCHING_MODES_AND_OPTIONS = [
    ('lsearch {abcd bbcd 123 234 345} *5', '4'),
    ('lsearch -exact {xyz bbcc *bc*} *bc*', '2'),
    ('lsearch -glob {b.x ^bc xy bcx} ^bc', '1'),
    ('lsearch -glob {a[b} {a\\[b}', '0'),
    ('lsearch -exact -nocase {a b c A B C} A', '0'),
    ('lsearch -glob -nocase {a b c A B C} A*', '0'),
    ('lsearch -regexp {b.x ^bc xy bcx} ^bc', '3'),
    ('lsearch -regexp -nocase {a b c A B C} ^A$', '0'),
    ('lsearch -regexp {a aa b} {(.)\\1}', '1'),
    ('lsearch -start 2 {a b c a b c} a', '3'),
    ('lsearch -start end-4 {a b c a b c} a', '3'),
    ('lsearch -start -1 {a b c} a', '0'),
    ('list [lsearch -start 10 {a b c} c] [lsearch -start 10 -all {a b c} c] [lsearch -start 10 -inline {a b c} c]', '-1 {} {}'),
    ('lsearch -not {a a a b a a a} a', '3'),
    ('lsearch -glob -inline {a1 b2 c3 d4} c*', 'c3'),
    ('lsearch -glob -inline {a1 b2 c3 d4} e*', ''),
    ('lsearch -all {a b a c a d} a', '0 2 4'),
    ('lsearch -all -inline -not -glob {a1 b2 a3 c4 a5 d6} a*', 'b2 c4 d6'),
    ('lsearch -start 2 -all -not -glob {a1 b2 a3 c4 a5 d6} a*', '3 5'),
    ('lsearch -integer {1 0x2 3} 2', '-1'),
    ('lsearch -exact -integer {1 0x2 3} 2', '1'),
    ('lsearch -exact -integer {1 abc 3} 3', Err('expected integer but got "abc"')),
    ('lsearch -exact -integer {1 2 3} x', Err('expected integer but got "x"')),
    ('lsearch -exact -integer {1 2 3} 08', Err('expected integer but got "08"')),
    ('lsearch -exact -real {1 2.0 3} 2', '1'),
    ('lsearch -exact -real {1} nan', Err('floating point value is Not a Number')),
    ('lsearch -exact -dictionary {a1 a01} a01', '1'),
    ('lsearch -exact [list foo one\\000two bar] one\\000two', '1'),
]


@pytest.mark.parametrize("script, expected", LSEARCH_MATCHING_MODES_AND_OPTIONS)
def test_lsearch_matching_modes_and_options(script, expected):
    check(script, expected)


LSEARCH_OPTION_ERRORS = [
    ('lsearch -glib {b.x bx xy bcx} b.x', Err('bad option "-glib": must be -all, -ascii, -bisect, -decreasing, -dictionary, -exact, -glob, -increasing, -index, -inline, -integer, -nocase, -not, -real, -regexp, -sorted, -start, or -subindices')),
    ('lsearch a b c', Err('bad option "a": must be -all, -ascii, -bisect, -decreasing, -dictionary, -exact, -glob, -increasing, -index, -inline, -integer, -nocase, -not, -real, -regexp, -sorted, -start, or -subindices')),
    ('lsearch -in 1 {a b} a', Err('ambiguous option "-in": must be -all, -ascii, -bisect, -decreasing, -dictionary, -exact, -glob, -increasing, -index, -inline, -integer, -nocase, -not, -real, -regexp, -sorted, -start, or -subindices')),
    ('lsearch "\\{" b', Err('unmatched open brace in list')),
    ('lsearch -start 1 2', Err('missing starting index')),
    ('lsearch -start foobar {a b c a b c} a', Err('bad index "foobar": must be integer?[+-]integer? or end?[+-]integer?')),
    ('lsearch -bisect -all {a b} a', Err('-bisect is not compatible with -all or -not')),
    ('lsearch', Err('wrong # args: should be "lsearch ?-option value ...? list pattern"')),
]


@pytest.mark.parametrize("script, expected", LSEARCH_OPTION_ERRORS)
def test_lsearch_option_errors(script, expected):
    check(script, expected)


LSEARCH_SORTED_AND_BISECT = [
    ('lsearch -sorted -integer {1 3 5 7 9} 7', '3'),
    ('lsearch -sorted -integer {0 0 0 1 1 1 2 2 2} 1', '3'),
    ('lsearch -sorted -integer -decreasing {5 4 4 3} 4', '1'),
    ('lsearch -sorted {a b b c d} x', '-1'),
    ('lsearch -sorted -all {a b b c d} b', '1 2'),
    ('lsearch -sorted -not {a b b c d} b', '0'),
    ('lsearch -sorted -nocase {a B c} b', '1'),
    ('lsearch -sorted -dictionary {a2 a10 a30} a10', '1'),
    ('lsearch -sorted -real {1 2.5 3} 2.5', '1'),
    ('lsearch -sorted -integer {1 x 3} 3', Err('expected integer but got "x"')),
    ('lsearch -start 1 -sorted {a b c} a', '-1'),
    ('lsearch -glob -sorted {a b b c d} b*', '-1'),
    ('lsearch -sorted -glob {a b b c d} b*', '1'),
    ('set res {}\nforeach i {0 1 5 6 7 8 15 16} {lappend res [lsearch -bisect -integer {1 4 5 7 9 15} $i]}\nset res', '-1 0 2 2 3 3 5 5'),
    ('set res {}\nforeach i {0 1 2 3} {lappend res [lsearch -bisect -integer {0 0 1 1 1 2 2 2 3 3 3} $i]}\nset res', '1 4 7 10'),
    ('set res {}\nforeach i {0 1 5 6 7 8 15 16} {lappend res [lsearch -bisect -integer -decreasing {15 9 7 5 4 1} $i]}\nset res', '5 5 3 2 2 1 0 -1'),
    ('lsearch -bisect -inline {a b c} bb', 'b'),
    ('lsearch -bisect -start 1 {a b c} a', '0'),
]


@pytest.mark.parametrize("script, expected", LSEARCH_SORTED_AND_BISECT)
def test_lsearch_sorted_and_bisect(script, expected):
    check(script, expected)


LSEARCH_INDEX_AND_SUBINDICES = [
    ('lsearch -index 1 {{a c} {a b} {a a}} a', '2'),
    ('lsearch -all -index 1 -glob {{ab cb} {ab bb} {db bx}} b*', '1 2'),
    ('lsearch -index {0 0} {{{x x} {x b} {a d}} {{a c} {a b} {a a}}} a', '1'),
    ('lsearch -index {} a a', '0'),
    ('lsearch -index a b', Err('"-index" option must be followed by list index')),
    ('lsearch -subindices -exact a b', Err('-subindices cannot be used without -index option')),
    ('lsearch -index -2 a a', Err('index "-2" cannot select an element from any list')),
    ('lsearch -index end+1 a a', Err('index "end+1" cannot select an element from any list')),
    ('lsearch -index 2 {{a c} {a b} {a a}} a', Err('element 2 missing from sublist "a c"')),
    ('lsearch -index end-1 {{a b} {c}} d', Err('element -1 missing from sublist "c"')),
    ('lsearch -index \\{ {{a c} {a b} {a a}} a', Err('unmatched open brace in list')),
    ('lsearch -subindices -index {0 0} {{{x x} {x b} {a d}} {{a c} {a b} {a a}}} a', '1 0 0'),
    ('lsearch -subindices -all -index {0 0} -exact {{{a c} {a b} {d a}} {{a c} {a b} {d a}}} a', '{0 0 0} {1 0 0}'),
    ('lsearch -subindices -index end {{a b c} {d e f} {g h i} {j k l}} c', '0 4'),
    ('lsearch -subindices -inline -index 1 {{a b c} {d b}} b', 'a b c'),
    ('lsearch -subindices -all -inline -index 1 {{a b c} {d b}} b', 'b b'),
    ('lsearch -index 1 -subindices {{a b} {c d}} x', '-1 1'),
    ('lsearch -index 1 -sorted {{a b} {c d} {e f}} d', '1'),
    ('lsearch -index 1 -inline {{a b} {c d}} d', 'c d'),
]


@pytest.mark.parametrize("script, expected", LSEARCH_INDEX_AND_SUBINDICES)
def test_lsearch_index_and_subindices(script, expected):
    check(script, expected)


LSORT_ASCII_AND_ERRORS = [
    ('lsort {d e c b a \\{ d35 d300}', 'a b c d d300 d35 e \\{'),
    ('lsort -integer -ascii {d e c b a d35 d300}', 'a b c d d300 d35 e'),
    ('lsort -decreasing {d e c b a d35 d300}', 'e d35 d300 d c b a'),
    ('lsort -decreasing -increasing {d e c b a d35 d300}', 'a b c d d300 d35 e'),
    ('lsort -ascii -nocase {d E c B a D35 d300 100 20}', '100 20 a B c d d300 D35 E'),
    ('lsort -nocase {B a C b A c}', 'a A B b C c'),
    ('lsort -foo {1 3 2 5}', Err('bad option "-foo": must be -ascii, -command, -decreasing, -dictionary, -increasing, -index, -indices, -integer, -nocase, -real, -stride, or -unique')),
    ('lsort -i 0 {{b 1} {a 2}}', Err('ambiguous option "-i": must be -ascii, -command, -decreasing, -dictionary, -increasing, -index, -indices, -integer, -nocase, -real, -stride, or -unique')),
    ('lsort "1 2 3 \\{ 4"', Err('unmatched open brace in list')),
    ('lsort {}', ''),
    ('lsort', Err('wrong # args: should be "lsort ?-option value ...? list"')),
    ('lsort [list a\\u0000b a\\u007f a\\u0080 a]', 'a a\x7f a\x00b a\x80'),
    ('lsort -unique [list a\\u0000 a\\u0000 a]', 'a a\x00'),
]


@pytest.mark.parametrize("script, expected", LSORT_ASCII_AND_ERRORS)
def test_lsort_ascii_and_errors(script, expected):
    check(script, expected)


LSORT_DICTIONARY_ORDER = [
    ('lsort -dictionary {d e c b a d35 d300 100 20}', '20 100 a b c d d35 d300 e'),
    ('lsort -dictionary {1k 0k 10k}', '0k 1k 10k'),
    ('lsort -dictionary {a003b a03b a3b A03b a03B 00000 000}', '000 00000 A03b a3b a03B a03b a003b'),
    ('lsort -dictionary {a321b a03210b a7654884321988762b a7654884321988761b}', 'a321b a03210b a7654884321988761b a7654884321988762b'),
    ('lsort -dictionary {aBCd abcc abce ABcc abCD ABcd AbCd}', 'ABcc abcc ABcd AbCd aBCd abCD abce'),
    ('lsort -dictionary [list AA ` c ^ _ \\\\ CC \\[ dude \\] funky !]', '! {[} \\\\ \\] ^ _ ` AA c CC dude funky'),
    ('lsort -dictionary {x10 x9 X10 x09 x9a x-1 x+1 a1.5 a1.10}', 'a1.5 a1.10 x+1 x-1 x9 x09 x9a X10 x10'),
    ('lsort -dictionary -decreasing {abc ABC aBc Abc}', 'abc aBc Abc ABC'),
    ('lsort -dictionary [list "abc\\200" abc ae aF a\\u00e9]', 'abc abc\x80 ae aF aé'),
    ('lsort -dictionary -nocase {B a C b A c}', 'A a B b C c'),
]


@pytest.mark.parametrize("script, expected", LSORT_DICTIONARY_ORDER)
def test_lsort_dictionary_order(script, expected):
    check(script, expected)


LSORT_NUMERIC = [
    ('lsort -integer {35 21 0x20 30 0o23 100 8}', '8 0o23 21 30 0x20 35 100'),
    ('lsort -decreasing -integer {35 21 0x20 30 0o23 100 8}', '100 35 0x20 30 21 0o23 8'),
    ('lsort -integer {1 3 2.4}', Err('expected integer but got "2.4"')),
    ('lsort -integer {1 08}', Err('expected integer but got "08"')),
    ('lsort -real {24 2.5e01 16.7 85e-1 10.004}', '85e-1 10.004 16.7 24 2.5e01'),
    ('lsort -real {1 1.0 0x10 2e1 inf -inf}', '-inf 1 1.0 0x10 2e1 inf'),
    ('lsort -real {6...4 3}', Err('expected floating-point number but got "6...4"')),
    ('lsort -real {1 nan 2}', Err('floating point value is Not a Number')),
    ('lsort -integer {99999999999999999999 1}', Err('integer value too large to represent')),
    ('lsearch -exact -integer {99999999999999999999 1} 1', Err('integer value too large to represent')),
    ('lsort -integer {-0x8000000000000000 0x7fffffffffffffff 0xffffffffffffffff}', '-0x8000000000000000 0xffffffffffffffff 0x7fffffffffffffff'),
]


@pytest.mark.parametrize("script, expected", LSORT_NUMERIC)
def test_lsort_numeric(script, expected):
    check(script, expected)


LSORT_UNIQUE_KEEPS_THE_LAST_OF_EQUALS_AND_INDICES = [
    ('lsort -integer -unique {3 1 2 3 1 4 3}', '1 2 3 4'),
    ('lsort -unique -index 0 {{a b} {c b} {a c} {d a}}', '{a c} {c b} {d a}'),
    ('lsort -integer -unique {01 1 2 0x1}', '0x1 2'),
    ('lsort -nocase -unique {B a C b A c}', 'A b c'),
    ('lsort -decreasing -unique {b a c a b}', 'c b a'),
    ('lsort -unique -indices {b a b a c}', '3 2 4'),
    ('lsort -indices {a c b}', '0 2 1'),
    ('lsort -indices -unique -decreasing -real {1.2 34.5 34.5 5.6}', '2 3 0'),
]


@pytest.mark.parametrize("script, expected", LSORT_UNIQUE_KEEPS_THE_LAST_OF_EQUALS_AND_INDICES)
def test_lsort_unique_keeps_the_last_of_equals_and_indices(script, expected):
    check(script, expected)


LSORT_INDEX_PATHS = [
    ('lsort -index end -integer {{2 25} {10 20 50 100} {3 16 42} 1}', '1 {2 25} {3 16 42} {10 20 50 100}'),
    ('lsort -index 1 -integer {{1 25 100} {3 16 42} {10 20 50}}', '{3 16 42} {10 20 50} {1 25 100}'),
    ('lsort -index end-1 {{a 1 e i} {b 2 3 f g} {c 4 5 6 d h}}', '{c 4 5 6 d h} {a 1 e i} {b 2 3 f g}'),
    ('lsort -integer -index {1 end-1} {{the {0 1 2 3 4 5} quick} {brown {0 1 2 3 4} fox} {jumps {30 31 2 33} over} {the {0 1 2} lazy} {dogs {0 1}}}', '{dogs {0 1}} {the {0 1 2} lazy} {jumps {30 31 2 33} over} {brown {0 1 2 3 4} fox} {the {0 1 2 3 4 5} quick}'),
    ('lsort -ascii -decreasing -index {0 1} {{{Jim Alpha} 20000410} {{Joe Bravo} 19990320} {{Jacky Charlie} 19390911}}', '{{Jacky Charlie} 19390911} {{Joe Bravo} 19990320} {{Jim Alpha} 20000410}'),
    ('lsort -index {1 2 3} -index 0 {{a b} {c d} {b e}}', '{a b} {b e} {c d}'),
    ('lsort -index {} [list a \\{]', 'a \\{'),
    ('lsort -index 1 {1 3 2 5}', Err('element 1 missing from sublist "1"')),
    ('lsort -index 0', Err('"-index" option must be followed by list index')),
    ('lsort -index foo {1 3 2 5}', Err('bad index "foo": must be integer?[+-]integer? or end?[+-]integer?')),
    ('lsort -integer -index 2 {{20 10} {15 30 40}}', Err('element 2 missing from sublist "20 10"')),
    ('lsort -index 1+3 {{1 . c} {2 . b} {3 . a}}', Err('element 4 missing from sublist "1 . c"')),
    ('lsort -index end-4 {{1 . c} {2 . b} {3 . a}}', Err('element -2 missing from sublist "1 . c"')),
    ('lsort -index -1-1 {{1 . c} {2 . b} {3 . a}}', Err('index "-1-1" cannot select an element from any list')),
    ('lsort -index end+1 {{1 . c} {2 . b} {3 . a}}', Err('index "end+1" cannot select an element from any list')),
    ('lsort -integer -index 2 "{a b c} \\\\\\{"', Err('expected integer but got "c"')),
    ('lsort -integer -index 2 "\\\\\\{ {30 40 50}"', Err('unmatched open brace in list')),
]


@pytest.mark.parametrize("script, expected", LSORT_INDEX_PATHS)
def test_lsort_index_paths(script, expected):
    check(script, expected)


LSORT_STRIDE = [
    ('lsort -stride 2 {f e d c b a}', 'b a d c f e'),
    ('lsort -stride 3 {f e d c b a}', 'c b a f e d'),
    ('lsort -stride 2 -index 1 -integer {a 2 b 1 c 3}', 'b 1 a 2 c 3'),
    ('lsort -stride 2 -index end {a 2 b 1}', 'b 1 a 2'),
    ('lsort -stride 2 -index {1 0} {a {2 x} b {1 y}}', 'b {1 y} a {2 x}'),
    ('lsort -stride 2 -indices {c 2 b 1}', '2 3 0 1'),
    ('lsort -stride 2 -unique {a 1 a 2 b 3}', 'a 2 b 3'),
    ('lsort -stride 2 -index {0 1} {{{c o d e} 54321} {{b l a h} 94729} {{b i g} 12345} {{d e m o} 34512}}', '{{b i g} 12345} {{d e m o} 34512} {{c o d e} 54321} {{b l a h} 94729}'),
    ('lsort -index {} -stride 2 {b 2 a 1}', 'a 1 b 2'),
    ('lsort -stride foo bar', Err('expected integer but got "foo"')),
    ('lsort -stride 1 bar', Err('stride length must be at least 2')),
    ('lsort -stride 2 {a b c}', Err('list size must be a multiple of the stride length')),
    ('lsort -stride 2 -index 3 {a b c d}', Err('when used with "-stride", the leading "-index" value must be within the group')),
    ('lsort -stride 2 -index end-2 {a 2 b 1}', Err('when used with "-stride", the leading "-index" value must be within the group')),
    ('lsort -stride 2 -index -2 {a 2 b 1}', Err('index "-2" cannot select an element from any list')),
    ('lsort -stride 2 {}', ''),
    ('lsort -stride', '-stride'),
    ('lsort -stride 2', Err('"-stride" option must be followed by stride length')),
]


@pytest.mark.parametrize("script, expected", LSORT_STRIDE)
def test_lsort_stride(script, expected):
    check(script, expected)


LSORT_COMMAND_IS_CALLED_AS_TCL_CALLS_IT = [
    ('lsort -command', '-command'),
    ('lsort -command {1 3 2 5}', Err('"-command" option must be followed by comparison command')),
    ('proc cmp {a b} {expr {[string match x* $b] - [string match x* $a]}}\nlsort -command cmp {x1 abc x2 def x3 x4}', 'x1 x2 x3 x4 abc def'),
    ('proc cmp {a b} {expr {$b - $a}}\nlsort -command cmp {48 6 18 22 21 35 36}', '48 36 35 22 21 18 6'),
    ('proc testcmp {a b} {string compare $a $b}\nlsort -command testcmp -index 1 [list [list a b] [list c d]]', '{a b} {c d}'),
    ('lsort -command {string compare} -decreasing {a c b}', 'c b a'),
    ('lsort -command {string compare} -unique {b a b c a}', 'a b c'),
    ('proc cmp {a b} {set r foow}\nlsort -command cmp {48 6}', Err('-compare command returned non-integer result')),
    ('proc cmp {a b} {expr 0x10000000000}\nlsort -command cmp {48 6}', Err('-compare command returned non-integer result')),
    ('set ::x 0\nlist [catch {lsort -integer -command {apply {{a b} {incr ::x; error "error #$::x"}}} {48 6 28 190 16 2 3 6 1}} msg] $msg $::x', '1 {error #1} 1'),
    ('proc cmp {a b} {error "comparison error"}\nlist [catch {lsort -command cmp {48 6}} msg] $msg $::errorInfo', '1 {comparison error} {comparison error\n    while executing\n"error "comparison error""\n    (procedure "cmp" line 1)\n    invoked from within\n"cmp 48 6"\n    (-compare command)\n    invoked from within\n"lsort -command cmp {48 6}"}'),
    ('set calls {}; proc cmp {a b} {lappend ::calls $a$b; string compare $a $b}\nlsort -command cmp {d a c b e}; set calls', 'da cb ab db dc ae be ce de'),
]


@pytest.mark.parametrize("script, expected", LSORT_COMMAND_IS_CALLED_AS_TCL_CALLS_IT)
def test_lsort_command_is_called_as_tcl_calls_it(script, expected):
    check(script, expected)


LSORT_COMMAND_RESULT_MAY_COME_FROM_RETURN = [
    ('proc cmp {a b} {return foow}\nlsort -command cmp {48 6}', Err('-compare command returned non-integer result')),
    ('proc testcmp {a b} {return [string compare $a $b]}\nlsort -command testcmp -index 1 [list [list a b] [list c d]]', '{a b} {c d}'),
]


@pytest.mark.parametrize("script, expected", LSORT_COMMAND_RESULT_MAY_COME_FROM_RETURN)
def test_lsort_command_result_may_come_from_return(script, expected):
    check(script, expected)


LSEARCH_REGEXP_ERRORS_ARE_TCL_TEXTS = [
    ('lsearch -regexp {xyz bbcc *bc*} *bc*', Err("couldn't compile regular expression pattern: quantifier operand invalid")),
    ('lsearch -regexp {a b} (', Err("couldn't compile regular expression pattern: parentheses () not balanced")),
]


@pytest.mark.parametrize("script, expected", LSEARCH_REGEXP_ERRORS_ARE_TCL_TEXTS)
def test_lsearch_regexp_errors_are_tcl_texts(script, expected):
    check(script, expected)
