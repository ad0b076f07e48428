# clock format and scan with -locale: Tcl's own catalogs (month and day
# names, date and time formats, numerals, eras) for locales other than English
foreach loc {fr de es it nl pt ru ja zh ko ar he fi sv pl cs hu tr fr_be de_at en_gb} {
    puts "$loc: [clock format 86400000 -format {%A %d %B %Y | %a %b | %x | %X | %c} -locale $loc -gmt 1]"
}
puts [clock format 0 -format "%Od %Om %EY %EC %Ey" -locale ja -gmt 1]
puts [clock format 0 -format "%Od %Oe %OH" -locale fa -gmt 1]
puts [clock scan "janvier 5 1970" -format "%B %d %Y" -locale fr -gmt 1]
puts [clock scan "5 März 1971" -format "%d %B %Y" -locale de -gmt 1]
puts [clock scan "lun. 12 févr. 2024" -format "%a %d %b %Y" -locale fr -gmt 1]
puts [catch {clock scan "janvier 5 1970" -format "%B %d %Y" -locale de -gmt 1} m]
puts $m
puts [clock format 0 -format "%A %B" -gmt 1]
puts [clock format 0 -format "%A %B" -locale en -gmt 1]
