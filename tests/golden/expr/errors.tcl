foreach e {{1 / 0} {1 % 0} {1.5 % 2} {"abc" + 1} {"" + 1} {1 +} {(1} {1)} {} {1 2} {sqrt(-1)} {0 ** -1}
    {1 << -1} {foo(1)} {abc} {max()} {sin(1, 2)} {$nosuch + 1} {~1.5} {"x" || 1} {Inf - Inf} {08}} {
    if {[catch {expr $e} r]} { puts "[list $e] -> $r" } else { puts "[list $e] = $r" }
}
