"""Tests for tclish/commands/dicts.py (the dict ensemble).  Expected values
were recorded from tclsh 8.6.13."""

import pytest

from tclish import Interp
from tclcheck import Err, check, run




@pytest.mark.parametrize("script", [
    "dict set d a x",
    "dict set d a b y",
    "dict unset d a",
    "dict incr d n",
    "dict lappend d l x",
    "dict append d s x",
])
def test_dict_updates_change_an_unshared_dict_in_place(script):
    interp = Interp()
    interp.eval("set d [dict create a [dict create b c] n 1 l {} s {}]")
    before = id(interp.runtime.lookup_var("d").value)
    interp.eval(script)
    # a copy would be made while the old dict is alive, so it gets a new id
    assert id(interp.runtime.lookup_var("d").value) == before


def test_dict_set_in_a_loop_is_linear():
    script = ("proc fill {} {set d {}; for {set i 0} {$i < 20000} {incr i} "
              "{dict set d k $i $i; dict lappend d l $i}; "
              "list [dict size [dict get $d k]] [llength [dict get $d l]]}; fill")
    assert run(script) == "20000 20000"


DICT_CREATE_AND_GET = [
    ('dict create', ''),
    ('dict create a b c d a x', 'a x c d'),
    ('dict create # #comment', '{#} #comment'),
    ('dict create {a b} c', '{a b} c'),
    ('dict create a', Err('wrong # args: should be "dict create ?key value ...?"')),
    ('dict get {a b c d} c', 'd'),
    ('dict get {a {p q r s} b {u v x y}} b x', 'y'),
    ('dict get {a b c d} b', Err('key "b" not known in dictionary')),
    ('dict get {a {p q r s} b {u v x y}} c z', Err('key "c" not known in dictionary')),
    ('dict get {a b c d} a c', Err('missing value to go with key')),
    ('dict get { a b  c d }', 'a b c d'),
    ('dict get {a b a c}', 'a c'),
    ('dict get', Err('wrong # args: should be "dict get dictionary ?key ...?"')),
    ('set l [list p 1 p 2 q 3]; dict get $l q; list $l [llength $l]', '{p 1 p 2 q 3} 6'),
    ('dict g {a b} a', 'b'),
]


@pytest.mark.parametrize("script, expected", DICT_CREATE_AND_GET)
def test_dict_create_and_get(script, expected):
    check(script, expected)


DICT_PARSE_ERRORS_SPEAK_OF_DICTS = [
    ('dict replace {a a a} a b', Err('missing value to go with key')),
    ('dict replace { a b {}c d }', Err('dict element in braces followed by "c" instead of space')),
    ('dict replace { a b ""c d }', Err('dict element in quotes followed by "c" instead of space')),
    ('dict replace " a b \\"c d "', Err('unmatched open quote in dict')),
    ('dict replace " a b \\{c d "', Err('unmatched open brace in dict')),
    ('catch {dict replace { a b {}c d }} -> opt; dict get $opt -errorcode', 'TCL VALUE DICTIONARY JUNK'),
    ('catch {dict replace " a b \\{c d "} -> opt; dict get $opt -errorcode', 'TCL VALUE DICTIONARY BRACE'),
    ('catch {dict replace { a b c d e }} -> opt; dict get $opt -errorcode', 'TCL VALUE DICTIONARY'),
    ('dict remove { a b c d e }', Err('missing value to go with key')),
    ('dict merge { a b {}c d }', Err('dict element in braces followed by "c" instead of space')),
]


@pytest.mark.parametrize("script, expected", DICT_PARSE_ERRORS_SPEAK_OF_DICTS)
def test_dict_parse_errors_speak_of_dicts(script, expected):
    check(script, expected)


DICT_REPLACE_REMOVE_MERGE = [
    ('dict replace {a b c d} c x a y', 'a y c x'),
    ('dict replace { a b  c d }', 'a b c d'),
    ('dict replace {a a} a', Err('wrong # args: should be "dict replace dictionary ?key value ...?"')),
    ('dict remove {a b c d} a c', ''),
    ('dict remove {a b} c', 'a b'),
    ('dict remove { a b c d }', 'a b c d'),
    ('list [dict merge] [dict merge {a b c d e f} {e x g h}] [dict merge {a b c d e f} {a x 1 2 3 4} {a - 1 -}]', '{} {a b c d e x g h} {a - c d e f 1 - 3 4}'),
    ('list [dict merge { a b c d }] [dict merge { a b c d } {}] [dict merge {} { a b c d }] [dict merge { a b c d } {a b}]', '{ a b c d } { a b c d } {a b c d} {a b c d}'),
    ('dict merge {a b c d} {e f g h i}', Err('missing value to go with key')),
]


@pytest.mark.parametrize("script, expected", DICT_REPLACE_REMOVE_MERGE)
def test_dict_replace_remove_merge(script, expected):
    check(script, expected)


DICT_KEYS_VALUES_SIZE_EXISTS_INFO = [
    ('list [dict keys {a b c d}] [dict keys {a b c d ca da} c*] [dict keys {a 1 b 2 a* 3} {a\\*}] [dict keys {a b} e]', '{a c} {c ca} a* {}'),
    ('dict keys a', Err('missing value to go with key')),
    ('dict keys {} a b', Err('wrong # args: should be "dict keys dictionary ?pattern?"')),
    ('list [dict values {a b c d}] [dict values {a b c d ca da} d*] [dict values {a b} x]', '{b d} {d da} {}'),
    ('list [dict size {}] [dict size {a b a c}] [dict size {a b c d}]', '0 1 2'),
    ('dict size a', Err('missing value to go with key')),
    ('list [dict exists {a b} a] [dict exists {a {b c}} a b] [dict exists {a {b c d}} a c] [dict exists a b] [dict exists "\\{" a] [dict exists {a b} a b]', '1 1 0 0 0 0'),
    ('dict exists {}', Err('wrong # args: should be "dict exists dictionary key ?key ...?"')),
    ('dict info {a b c d}', '2 entries in table, 4 buckets\nnumber of buckets with 0 entries: 2\nnumber of buckets with 1 entries: 2\nnumber of buckets with 2 entries: 0\nnumber of buckets with 3 entries: 0\nnumber of buckets with 4 entries: 0\nnumber of buckets with 5 entries: 0\nnumber of buckets with 6 entries: 0\nnumber of buckets with 7 entries: 0\nnumber of buckets with 8 entries: 0\nnumber of buckets with 9 entries: 0\nnumber of buckets with 10 or more entries: 0\naverage search distance for entry: 1.0'),
    ('dict info x', Err('missing value to go with key')),
]


@pytest.mark.parametrize("script, expected", DICT_KEYS_VALUES_SIZE_EXISTS_INFO)
def test_dict_keys_values_size_exists_info(script, expected):
    check(script, expected)


DICT_SET_AND_UNSET_FOLLOW_KEY_PATHS = [
    ('set d {}; dict set d a b c', 'a {b c}'),
    ('set d {a {b {}}}; dict set d a b c x', 'a {b {c x}}'),
    ('set d {a y}; dict set d a x', 'a x'),
    ('unset -nocomplain d; dict set d a x; set d', 'a x'),
    ('set d {a {x y}}; dict set d a b c', 'a {x y b c}'),
    ('set d a; dict set d b c', Err('missing value to go with key')),
    ('set d {a x}; dict set d a b c', Err('missing value to go with key')),
    ('set d(block) {}; dict set d a x', Err('can\'t set "d": variable is array')),
    ('dict set a a', Err('wrong # args: should be "dict set dictVarName key ?key ...? value"')),
    ('set d {a {b c d e}}; dict unset d a b', 'a {d e}'),
    ('set d {a b}; dict unset d c', 'a b'),
    ('set d {a b}; dict unset d c d', Err('key "c" not known in dictionary')),
    ('set d a; dict unset d a', Err('missing value to go with key')),
    ('unset -nocomplain d; list [info exists d] [dict unset d a] [info exists d]', '0 {} 1'),
    ('set d {a {b {c d}}}; dict unset d a b c', 'a {b {}}'),
    ('dict unset d', Err('wrong # args: should be "dict unset dictVarName key ?key ...?"')),
    ('apply {{} {dict set a(z) b c; dict get $a(z) d}}', Err('key "d" not known in dictionary')),
]


@pytest.mark.parametrize("script, expected", DICT_SET_AND_UNSET_FOLLOW_KEY_PATHS)
def test_dict_set_and_unset_follow_key_paths(script, expected):
    check(script, expected)


DICT_UPDATES_NEVER_CHANGE_A_SHARED_VALUE = [
    ('set d {a b c d}; set e $d; dict set d a Z; list $d $e', '{a Z c d} {a b c d}'),
    ('set d {a {b c}}; set e $d; dict set d a b Z; list $d $e', '{a {b Z}} {a {b c}}'),
    ('set d [dict create a [dict create b c]]; set e [dict get $d a]; dict set d a b Z; list $d $e', '{a {b Z}} {b c}'),
    ('set d {a a}; set s [dict get $d a]; dict lappend d a b; list $d $s', '{a {a b}} a'),
    ('set d [dict create a 0]; set v [dict values $d]; dict incr d a; list $d $v', '{a 1} 0'),
]


@pytest.mark.parametrize("script, expected", DICT_UPDATES_NEVER_CHANGE_A_SHARED_VALUE)
def test_dict_updates_never_change_a_shared_value(script, expected):
    check(script, expected)


DICT_INCR = [
    ('set d {a 1}; dict incr d a 2', 'a 3'),
    ('set d {a 0 b 3 c 2147483649}; dict incr d c', 'a 0 b 3 c 2147483650'),
    ('unset -nocomplain d; dict incr d a', 'a 1'),
    ('set d {a 1}; dict incr d b 0x10', 'a 1 b 0x10'),
    ('set d {}; dict incr d a " 5 "', 'a { 5 }'),
    ('set d {a dummy}; dict incr d a', Err('expected integer but got "dummy"')),
    ('set d {a 1}; dict incr d a dummy', Err('expected integer but got "dummy"')),
    ('set d {}; dict incr d a dummy', Err('expected integer but got "dummy"')),
    ('set d a; dict incr d a dummy', Err('missing value to go with key')),
    ('set d {a 1}; dict incr d a 1.0', Err('expected integer but got "1.0"')),
    ('set d {a 1}; dict incr d a 08', Err('expected integer but got "08"')),
    ('set d {a 1}; dict incr d a 99999999999999999999', 'a 100000000000000000000'),
    ('set d a; dict incr d a a a', Err('wrong # args: should be "dict incr dictVarName key ?increment?"')),
    ('set d(block) {}; dict incr d a', Err('can\'t set "d": variable is array')),
]


@pytest.mark.parametrize("script, expected", DICT_INCR)
def test_dict_incr(script, expected):
    check(script, expected)


DICT_LAPPEND_AND_APPEND = [
    ('set d {a a}; dict lappend d a', 'a a'),
    ('set d {a a}; dict lappend d a b c', 'a {a b c}'),
    ('set d {a {x  y}}; dict lappend d a', 'a {x  y}'),
    ('set d {a {x  y}}; dict lappend d a z', 'a {x y z}'),
    ('set d {}; dict lappend d a x y z', 'a {x y z}'),
    ('unset -nocomplain d; dict lappend d a', 'a {}'),
    ('set d [dict create a "\\{"]; dict lappend d a a', Err('unmatched open brace in list')),
    ('set d {a "\\{"}; dict lappend d a', 'a \\{'),
    ('set d {a 1 b 2 c 3}; dict lappend d b 22', 'a 1 b {2 22} c 3'),
    ('set d {a a}; dict append d a b c', 'a abc'),
    ('unset -nocomplain d; dict append d a b', 'a b'),
    ('set d {a {x y}}; dict append d a " z"', 'a {x y z}'),
    ('set d {a 1 b 2 c 3}; dict append d b 22', 'a 1 b 222 c 3'),
    ('set d a; dict append d a a', Err('missing value to go with key')),
    ('apply {{} {dict append dictVar a o k}}', 'a ok'),
    ('set d [dict create "abc def" 0 "a\\{b" 1 "c\\}d" 2]\nfor {set t 0} {$t < 5} {incr t} {\n    llength $d\n    dict lappend d "abc def" "\\}\\{"\n    dict append  d "a\\{b" "\\}"\n    dict incr    d "c\\}d" 1\n}\nlist [llength $d] $d', '6 {{abc def} {0 \\}\\{ \\}\\{ \\}\\{ \\}\\{ \\}\\{} a\\{b 1\\}\\}\\}\\}\\} c\\}d 7}'),
]


@pytest.mark.parametrize("script, expected", DICT_LAPPEND_AND_APPEND)
def test_dict_lappend_and_append(script, expected):
    check(script, expected)


DICT_FOR = [
    ('set r {}; dict for {k v} {a A b B c C} {lappend r $k $v}; set r', 'a A b B c C'),
    ('dict for {k v} {} {error "unexpected"}', ''),
    ('set times 0; dict for {k v} {a a b b} {incr times; continue; error "shouldn\'t get here"}; set times', '2'),
    ('set times 0; dict for {k v} {a a b b} {incr times; break; error "shouldn\'t get here"}; set times', '1'),
    ('set times 0\nlist [catch {\n    dict for {k v} {a a b b} {\n        incr times\n        error test\n    }\n} msg] $msg $times $::errorInfo', '1 test 1 {test\n    while executing\n"error test"\n    ("dict for" body line 3)\n    invoked from within\n"dict for {k v} {a a b b} {\n        incr times\n        error test\n    }"}'),
    ('apply {{} {dict for {k v} {a b} {return ok,$k,$v; error "skipped"}; error "too far"}}', 'ok,a,b'),
    ('apply {{} {set d [dict create a 1]; dict for {k v} $d {dict set d $k 0}; return $d}}', 'a 0'),
    ('apply {{} {dict for {a b} {c d} {dict for {e f} {g h} {return 5}}}}', '5'),
    ('set r {}; set d {a1 a a2 b b1 c b2 d foo bar bar foo}; dict for {k v} $d {append r $k=$v,}; set r', 'a1=a,a2=b,b1=c,b2=d,foo=bar,bar=foo,'),
    ('dict for x x x', Err('must have exactly two variable names')),
    ('dict for {x x x} x x', Err('must have exactly two variable names')),
    ('dict for "\\{x" x x', Err('unmatched open brace in list')),
    ('dict for {k v} x {}', Err('missing value to go with key')),
    ('dict for', Err('wrong # args: should be "dict for {keyVarName valueVarName} dictionary script"')),
]


@pytest.mark.parametrize("script, expected", DICT_FOR)
def test_dict_for(script, expected):
    check(script, expected)


DICT_MAP = [
    ('dict map {k v} {a 1 b 2} {incr v}', 'a 2 b 3'),
    ('dict map {k v} {a 1 b 2} {break}', ''),
    ('dict map {k v} {a 1 b 2} {if {$k eq "a"} continue; set v}', 'b 2'),
    ('dict map {k v} {a 1 b 2} {set k X$k; set v}', 'Xa 1 Xb 2'),
    ('dict map {k v} {a 1 b 2} {unset k; set v}', Err('can\'t read "k": no such variable')),
    ('dict map {k v} [dict map {k v} {a 1 b 2 c 3 d 4} { list $v $k }] {return -level 0 "$k,$v"}', 'a {a,1 a} b {b,2 b} c {c,3 c} d {d,4 d}'),
    ('set times 0\nlist [catch {\n    dict map {k v} {a a b b} {\n        incr times\n        error test\n    }\n} msg] $msg $times $::errorInfo', '1 test 1 {test\n    while executing\n"error test"\n    ("dict map" body line 3)\n    invoked from within\n"dict map {k v} {a a b b} {\n        incr times\n        error test\n    }"}'),
    ('apply {{} {set d [dict create a 1]; dict map {k v} $d {dict set d $k 0}}}', 'a {a 0}'),
    ('dict map {x x x} x x', Err('must have exactly two variable names')),
    ('dict map x x', Err('wrong # args: should be "dict map {keyVarName valueVarName} dictionary script"')),
]


@pytest.mark.parametrize("script, expected", DICT_MAP)
def test_dict_map(script, expected):
    check(script, expected)


DICT_FILTER = [
    ('dict filter {a1 a a2 b b1 c b2 d foo bar bar foo} key ???', 'foo bar bar foo'),
    ('dict filter {a1 a a2 b b1 c b2 d foo bar bar foo} key a? b?', 'a1 a a2 b b1 c b2 d'),
    ('dict filter {a b c d} key', ''),
    ('dict filter {a1 a a2 b b1 c b2 d foo bar bar foo} value c', 'b1 c'),
    ('dict filter {a a1 b a2 c b1 foo bar bar foo d b2} value a? b?', 'a a1 b a2 c b1 d b2'),
    ('set n 0\nlist [dict filter {a1 a a2 b b1 c b2 d foo bar bar foo} script {k v} {incr n; expr {[string length $k] == [string length $v]}}] $n', '{foo bar bar foo} 6'),
    ('dict filter {a b} script {k v} {concat $k $v}', Err('expected boolean value but got "a b"')),
    ('list [catch {dict filter {a b} script {k v} {error x}} msg] $msg $::errorInfo', '1 x {x\n    while executing\n"error x"\n    ("dict filter" script line 1)\n    invoked from within\n"dict filter {a b} script {k v} {error x}"}'),
    ('set n 0; list [dict filter {a b c d} script {k v} {incr n; break; error boom!}] $n', '{} 1'),
    ('set n 0; list [dict filter {a b c d} script {k v} {incr n; continue; error boom!}] $n', '{} 2'),
    ('dict filter {a 1 b 2} script {k v} {if {$k eq "b"} break; return -level 0 1}', 'a 1'),
    ('dict filter {a b} script {k k} {continue}; set k', 'b'),
    ('dict filter {a b} script {k k}', Err('wrong # args: should be "dict filter dictionary script {keyVarName valueVarName} filterScript"')),
    ('dict filter {a b} script k {continue}', Err('must have exactly two variable names')),
    ('dict filter {a b} script "\\{k v" {continue}', Err('unmatched open brace in list')),
    ('dict filter {a b}', Err('wrong # args: should be "dict filter dictionary filterType ?arg ...?"')),
    ('dict filter {a b} JUNK', Err('bad filterType "JUNK": must be key, script, or value')),
    ('dict filter a JUNK', Err('bad filterType "JUNK": must be key, script, or value')),
    ('dict filter a key *', Err('missing value to go with key')),
    ('dict filter {a 1 b 2} k a', 'a 1'),
]


@pytest.mark.parametrize("script, expected", DICT_FILTER)
def test_dict_filter(script, expected):
    check(script, expected)


DICT_UPDATE = [
    ('set a {b c}; set r {}; set bb {}\ndict update a b bb {lappend r $a $bb [set bb d]}\nlappend r $a', '{b c} c d {b d}'),
    ('set a {b c}; set r {}; set bb {}\ndict update a b bb {lappend r $a $bb [unset bb]}\nlappend r $a', '{b c} c {} {}'),
    ('set a {b c d e}; dict update a b v1 d v2 {lassign "$v1 $v2" v2 v1}; set a', 'b e d c'),
    ('set a {b c d e}; dict update a b v1 d v2 {unset a}; info exist a', '0'),
    ('set a {b {c d}}; dict update a b v1 {dict update v1 c v2 {set v2 foo}}; set a', 'b {c foo}'),
    ('set a {b c d e}; dict update a b v1 d v2 {dict set a f g}; set a', 'b c d e f g'),
    ('set a {b c d e}; dict update a b v1 d v2 f v3 {set v3 g}; set a', 'b c d e f g'),
    ('apply {d {while 1 {dict update d a alpha b beta {set beta $alpha; unset alpha; break}}; return $d}} {a 1 c 2}', 'c 2 b 1'),
    ('set d {a 1}; list [catch {dict update d a x {set x 9; error foo}} m] $m $d $::errorInfo', '1 foo {a 9} {foo\n    while executing\n"error foo"\n    (body of "dict update")\n    invoked from within\n"dict update d a x {set x 9; error foo}"}'),
    ('set d {a 1}; list [catch {dict update d a x {set d 5}} m] $m $d', '1 {missing value to go with key} 5'),
    ('set foo {a {b {c {d {e 1}}}}}\ndict update foo a t {dict update t b t {dict update t c t {dict update t d t {dict incr t e}}}}\nlist $foo [string range [append foo OK] end-1 end]', '{a {e 2 d {e 2} c {e 2 d {e 2}} b {e 2 d {e 2} c {e 2 d {e 2}}}}} OK'),
    ('apply {{} {lassign {} item; dict update item item item two two {}}}', ''),
    ('unset -nocomplain nope; dict update nope a b {}', Err('can\'t read "nope": no such variable')),
    ('dict update v k v', Err('wrong # args: should be "dict update dictVarName key varName ?key varName ...? script"')),
]


@pytest.mark.parametrize("script, expected", DICT_UPDATE)
def test_dict_update(script, expected):
    check(script, expected)


DICT_WITH = [
    ('set a {b c d e}; unset -nocomplain b d\nset result [list [info exist b] [info exist d]]\ndict with a {lappend result [info exist b] [info exist d] $b $d}\nset result', '0 0 1 1 c e'),
    ('set a {b c d e}; dict with a {lassign "$b $d" d b}; set a', 'b e d c'),
    ('set a {b c d e}; dict with a {unset b; set f g}; set a', 'd e'),
    ('set a {b c d e}; dict with a {dict unset a b}; set a', 'd e b c'),
    ('set a [dict create b c]; dict with a {set b $a}; set a', 'b {b c}'),
    ('set a {b {c d}}; dict with a b {set c $c$c}; set a', 'b {c dd}'),
    ('set a {b {c d}}\nforeach i {0 1} {if {$i} break; dict with a b {set a {}; break}}\nlist $i $a', '0 {}'),
    ('set foo {t {t {t {inner 1}}}}\ndict with foo {dict with t {dict with t {dict with t {incr inner}}}}\nlist $foo [string range [append foo OK] end-1 end]', '{t {inner 2 t {inner 2 t {inner 2}}}} OK'),
    ('apply {{} {set d {a 1 b 2}; list [dict with d {set a $b; unset b; dict set d c 3; list ok}] $d}}', 'ok {a 2 c 3}'),
    ('apply {i {set d($i) {p {q {a 1 b 2}}}; dict with d($i) p q {set a $b.$a}; array get d}} e', 'e {p {q {a 2.1 b 2}}}'),
    ('apply {{} {set d {a 1 b 2}; foreach x {1 2 3} {dict with d {incr a $b; if {$x == 2} break}; unset a b}; list $a $b $x $d}}', '5 2 2 {a 5 b 2}'),
    ('set ::d {p {q {r {a 1 b 2}}}}\napply {{} {dict with ::d p q r {set a $b.$a}; return $::d}}', 'p {q {r {a 2.1 b 2}}}'),
    ('apply {d {dict with d p q {}; return $a,$b}} {p {q {a 1 b 2}}}', '1,2'),
    ('set d {a 1}; dict with d x {}', Err('key "x" not known in dictionary')),
    ('set d {a 1}; dict with d a {}', Err('missing value to go with key')),
    ('unset -nocomplain v; dict with v {error "in body"}', Err('can\'t read "v": no such variable')),
    ('set d {a 1}; list [catch {dict with d {error oops}} m] $m $::errorInfo', '1 oops {oops\n    while executing\n"error oops"\n    (body of "dict with")\n    invoked from within\n"dict with d {error oops}"}'),
    ('set dd {a {b 1}}; dict with dd a {set dd {x 5}}; set dd', 'x 5'),
    ('set dd {a {b 1}}; dict with dd a {set dd {a 5}}', Err('missing value to go with key')),
    ('dict with v', Err('wrong # args: should be "dict with dictVarName ?key ...? script"')),
]


@pytest.mark.parametrize("script, expected", DICT_WITH)
def test_dict_with(script, expected):
    check(script, expected)


DICT_ENSEMBLE_ERRORS = [
    ('dict', Err('wrong # args: should be "dict subcommand ?arg ...?"')),
    ('dict ?', Err('unknown or ambiguous subcommand "?": must be append, create, exists, filter, for, get, incr, info, keys, lappend, map, merge, remove, replace, set, size, unset, update, values, or with')),
    ('dict getwithdefault {a b} a c', Err('unknown or ambiguous subcommand "getwithdefault": must be append, create, exists, filter, for, get, incr, info, keys, lappend, map, merge, remove, replace, set, size, unset, update, values, or with')),
]


@pytest.mark.parametrize("script, expected", DICT_ENSEMBLE_ERRORS)
def test_dict_ensemble_errors(script, expected):
    check(script, expected)


TCL_DICT_COMMANDS_CAN_BE_CALLED_DIRECTLY = [
    ('tcl::dict::get', Err('wrong # args: should be "tcl::dict::get dictionary ?key ...?"')),
    ('::tcl::dict::create a', Err('wrong # args: should be "::tcl::dict::create ?key value ...?"')),
    ('tcl::dict::replace a', Err('missing value to go with key')),
    ('tcl::dict::filter {a b} script x', Err('wrong # args: should be "tcl::dict::filter dictionary script {keyVarName valueVarName} filterScript"')),
    ('tcl::dict::update v k v', Err('wrong # args: should be "tcl::dict::update dictVarName key varName ?key varName ...? script"')),
    ('lsort [info commands ::tcl::dict::*]', '::tcl::dict::append ::tcl::dict::create ::tcl::dict::exists ::tcl::dict::filter ::tcl::dict::for ::tcl::dict::get ::tcl::dict::incr ::tcl::dict::info ::tcl::dict::keys ::tcl::dict::lappend ::tcl::dict::map ::tcl::dict::merge ::tcl::dict::remove ::tcl::dict::replace ::tcl::dict::set ::tcl::dict::size ::tcl::dict::unset ::tcl::dict::update ::tcl::dict::values ::tcl::dict::with'),
    ('apply {{} {tcl::dict::lappend foo bar [format baz]}}', 'bar baz'),
    ('apply {{} {tcl::dict::incr foo [format bar]}}', 'bar 1'),
    ('set r {}; ::tcl::dict::for {k v} {a 1 b 2} {lappend r $v$k}; set r', '1a 2b'),
]


@pytest.mark.parametrize("script, expected", TCL_DICT_COMMANDS_CAN_BE_CALLED_DIRECTLY)
def test_tcl_dict_commands_can_be_called_directly(script, expected):
    check(script, expected)
