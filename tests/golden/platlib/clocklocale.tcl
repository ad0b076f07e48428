# clock: locales from msgcat catalogs in ::tcl::clock, eras, numerals,
# time zones, and scanning with competing fields.
package require msgcat
namespace eval ::tcl::clock {
    ::msgcat::mcmset xx_yy {
	MONTHS_FULL {Un Deux Trois Quatre Cinq Six Sept Huit Neuf Dix Onze Douze}
	MONTHS_ABBREV {un de tr qa ci si se hu ne di on do}
	DAYS_OF_WEEK_FULL {Dim Lun Mar Mer Jeu Ven Sam}
	DATE_FORMAT {%d.%m.%Y}
	LOCALE_NUMERALS {zero one two three four five six seven eight nine ten eleven twelve}
	AM matin PM soir
	BCE avant CE apres
    }
}
set t 1700000000
foreach fmt {{%B %b %A %x} {%Od/%Om %p} {%EE %Y} {%c} {%Ey %EC}} {
    puts "$fmt: [clock format $t -format $fmt -locale xx_yy -gmt 1]"
}
puts [clock scan {14.11.2023} -format %x -locale xx_yy -gmt 1]
puts [clock scan {Onze 3 2023} -format {%B %d %Y} -locale xx_yy -gmt 1]
foreach tz {:UTC :America/New_York :Europe/Berlin :Asia/Kolkata +0530 -0800 EST5EDT} {
    puts "$tz: [clock format $t -timezone $tz -format {%Y-%m-%d %H:%M:%S %z %Z}]"
}
puts [clock scan 19700101002 -format %Y%m%d%j -gmt 1]
puts [clock scan 00219700101 -format %j%Y%m%d -gmt 1]
puts [clock scan Mon -format %a -gmt 1 -base 0]
puts [clock add 0 1 month 3 days -gmt 1]
catch {clock format 0 -timezone :No/Such_Zone} msg
puts $msg
catch {clock format 0 -gmt 1 -timezone :UTC} msg
puts $msg
