# msgcat 1.7 for tclish: message catalogs, looked up by namespace and locale.
#
# Msgs is a dict: locale -> namespace -> source text -> translation.  A lookup
# walks the namespace and its parents, and for each the locale preferences
# (mcpreferences: en_us_x, en_us, en, {}).  Package-specific settings
# (mcpackageconfig, mcpackagelocale) live in PkgConfig: namespace -> dict.

package require Tcl 8.5
package provide msgcat 1.7.1

namespace eval ::msgcat {
    namespace export mc mcn mcexists mcload mclocale mcmax mcmset mcpreferences \
	mcset mcunknown mcflset mcflmset mcloadedlocales mcforgetpackage \
	mcpackageconfig mcpackagelocale mcutil

    variable Msgs [dict create]
    variable Locale ""
    variable Loclist {}
    variable LoadedLocales {}
    variable FileLocale
    variable PkgConfig [dict create]
}

# ---- locales --------------------------------------------------------------------

# "en_US.UTF-8@euro" -> en_us_euro
proc ::msgcat::ConvertLocale {value} {
    if {![regexp {^([^_.@]+)(?:_([^.@]*))?(?:\.[^@]*)?(?:@(.*))?$} $value \
	    -> language territory modifier]} {
	return c
    }
    set result [string tolower $language]
    if {$territory ne "" || $modifier ne ""} {
	append result _ [string tolower $territory]
    }
    if {$modifier ne ""} {
	append result _ [string tolower $modifier]
    }
    return $result
}

# en_us_x -> {en_us_x en_us en {}}
proc ::msgcat::Preferences {locale} {
    set result {}
    set parts [split $locale _]
    for {set i [expr {[llength $parts] - 1}]} {$i >= 0} {incr i -1} {
	set word [join [lrange $parts 0 $i] _]
	if {$word ni $result} {
	    lappend result $word
	}
    }
    lappend result {}
    return $result
}

proc ::msgcat::CheckLocale {locale} {
    if {[string match *:* $locale] || [string match */* $locale]
	    || [string match *\\\\* $locale] || [string match *.* $locale]} {
	return -code error "invalid newLocale value \"$locale\":\
		could be path to unsafe code."
    }
}

proc ::msgcat::mclocale {args} {
    variable Locale
    variable Loclist
    if {[llength $args] > 1} {
	return -code error "wrong # args: should be\
		\"[lindex [info level 0] 0] ?newLocale?\""
    }
    if {[llength $args] == 1} {
	set locale [string tolower [lindex $args 0]]
	CheckLocale $locale
	set Locale $locale
	set Loclist [Preferences $locale]
	LoadLocales $Loclist
	Changed
    }
    return $Locale
}

proc ::msgcat::mcpreferences {args} {
    variable Loclist
    if {[llength $args] == 0} {
	return $Loclist
    }
    foreach locale $args {
	CheckLocale [string tolower $locale]
    }
    set list {}
    foreach locale $args {
	set locale [string tolower $locale]
	if {$locale ni $list} {lappend list $locale}
    }
    if {{} ni $list} {lappend list {}}
    set Loclist $list
    variable Locale [lindex $list 0]
    LoadLocales $Loclist
    Changed
    return $Loclist
}

# Mark locales loaded; for the ones new, load every package's catalogs
# (mcfolder) and call its loadcmd.
proc ::msgcat::LoadLocales {locales} {
    variable LoadedLocales
    variable PkgConfig
    set new {}
    foreach locale $locales {
	if {$locale ni $LoadedLocales} {
	    lappend LoadedLocales $locale
	    lappend new $locale
	}
    }
    if {![llength $new]} return
    dict for {ns config} $PkgConfig {
	if {[dict exists $config mcfolder]} {
	    namespace eval $ns [list ::msgcat::LoadFiles [dict get $config mcfolder] $new]
	}
	if {[dict exists $config loadcmd] && [dict get $config loadcmd] ne ""} {
	    if {[catch {uplevel #0 [list {*}[dict get $config loadcmd] {*}$new]} msg opts]} {
		catch {after 0 [list return -options $opts $msg]}
	    }
	}
    }
}

proc ::msgcat::Changed {} {
    variable PkgConfig
    variable Loclist
    dict for {ns config} $PkgConfig {
	if {[dict exists $config changecmd] && [dict get $config changecmd] ne ""} {
	    if {[catch {uplevel #0 [list {*}[dict get $config changecmd] {*}$Loclist]} msg opts]} {
		catch {after 0 [list return -options $opts $msg]}
	    }
	}
    }
}

proc ::msgcat::mcloadedlocales {subcommand} {
    variable LoadedLocales
    variable Loclist
    switch -exact -- $subcommand {
	loaded {return $LoadedLocales}
	clear {
	    ForgetLocalesBut $Loclist
	    return
	}
	default {
	    return -code error "unknown subcommand \"$subcommand\": must be\
		    clear, or loaded"
	}
    }
}

# Drop the loaded locales (and their messages) that are not in `keep`.
proc ::msgcat::ForgetLocalesBut {keep} {
    variable LoadedLocales
    variable Msgs
    variable PkgConfig
    dict for {ns config} $PkgConfig {
	if {[dict exists $config loclist]} {
	    lappend keep {*}[dict get $config loclist]
	}
    }
    set kept {}
    foreach locale $LoadedLocales {
	if {$locale in $keep} {
	    lappend kept $locale
	} else {
	    dict unset Msgs $locale
	}
    }
    foreach locale [dict keys $Msgs] {
	if {$locale ni $keep} {dict unset Msgs $locale}
    }
    set LoadedLocales $kept
}

# ---- lookups ----------------------------------------------------------------------

proc ::msgcat::Lookup {ns src} {
    variable Msgs
    variable Loclist
    set locales [PackagePreferences $ns]
    while {1} {
	foreach locale $locales {
	    if {[dict exists $Msgs $locale $ns $src]} {
		return [list 1 [dict get $Msgs $locale $ns $src]]
	    }
	}
	if {$ns eq "::"} {
	    return {0 {}}
	}
	set ns [namespace qualifiers $ns]
	if {$ns eq ""} {set ns ::}
    }
}

proc ::msgcat::mc {src args} {
    set ns [uplevel 1 [list ::namespace current]]
    lassign [Lookup $ns $src] found translation
    if {$found} {
	if {[llength $args] == 0} {
	    return $translation
	}
	return [format $translation {*}$args]
    }
    set handler [PackageUnknown $ns]
    if {$handler ne ""} {
	return [uplevel 1 [list {*}$handler [mclocale] $src {*}$args]]
    }
    variable Loclist
    return [uplevel 1 [list [namespace origin mcunknown] [lindex $Loclist 0] \
	    $src {*}$args]]
}

proc ::msgcat::mcn {ns src args} {
    lassign [Lookup $ns $src] found translation
    if {$found} {
	if {[llength $args] == 0} {
	    return $translation
	}
	return [format $translation {*}$args]
    }
    return [namespace eval $ns [list ::msgcat::mcunknown [mclocale] $src {*}$args]]
}

proc ::msgcat::mcexists {args} {
    set exactns 0
    set exactlocale 0
    while {[llength $args] > 1} {
	set args [lassign $args option]
	switch -exact -- $option {
	    -exactnamespace {set exactns 1}
	    -exactlocale {set exactlocale 1}
	    -namespace {set args [lassign $args ns]}
	    default {
		return -code error "unknown option \"$option\""
	    }
	}
    }
    if {[llength $args] != 1} {
	return -code error "wrong # args: should be\
		\"[lindex [info level 0] 0] ?-exactnamespace?\
		?-exactlocale? src\""
    }
    set src [lindex $args 0]
    if {![info exists ns]} {
	set ns [uplevel 1 [list ::namespace current]]
    }
    variable Msgs
    variable Loclist
    set locales [expr {$exactlocale ? [list [lindex $Loclist 0]] : [PackagePreferences $ns]}]
    while {1} {
	foreach locale $locales {
	    if {[dict exists $Msgs $locale $ns $src]} {
		return 1
	    }
	}
	if {$exactns || $ns eq "::"} {
	    return 0
	}
	set ns [namespace qualifiers $ns]
	if {$ns eq ""} {set ns ::}
    }
}

proc ::msgcat::mcmax {args} {
    set ns [uplevel 1 [list ::namespace current]]
    set max 0
    foreach src $args {
	set length [string length [namespace eval $ns [list ::msgcat::mc $src]]]
	if {$length > $max} {set max $length}
    }
    return $max
}

proc ::msgcat::mcunknown {locale src args} {
    if {[llength $args]} {
	return [format $src {*}$args]
    }
    return $src
}

# ---- setting messages ---------------------------------------------------------------

proc ::msgcat::mcset {locale src {dest ""}} {
    variable Msgs
    if {[llength [info level 0]] == 3} {
	set dest $src
    }
    set ns [uplevel 1 [list ::namespace current]]
    set locale [string tolower $locale]
    dict set Msgs $locale $ns $src $dest
    return $dest
}

proc ::msgcat::mcmset {locale pairs} {
    variable Msgs
    set length [llength $pairs]
    if {$length % 2} {
	return -code error "bad translation list:\
		should be \"[lindex [info level 0] 0] locale {src dest ...}\""
    }
    set ns [uplevel 1 [list ::namespace current]]
    set locale [string tolower $locale]
    foreach {src dest} $pairs {
	dict set Msgs $locale $ns $src $dest
    }
    return [expr {$length / 2}]
}

proc ::msgcat::mcflset {src {dest ""}} {
    variable FileLocale
    variable Msgs
    if {![info exists FileLocale]} {
	return -code error "must only be used inside a message catalog loaded\
		with ::msgcat::mcload"
    }
    if {[llength [info level 0]] == 2} {
	set dest $src
    }
    set ns [uplevel 1 [list ::namespace current]]
    dict set Msgs $FileLocale $ns $src $dest
    return $dest
}

proc ::msgcat::mcflmset {pairs} {
    variable FileLocale
    variable Msgs
    if {![info exists FileLocale]} {
	return -code error "must only be used inside a message catalog loaded\
		with ::msgcat::mcload"
    }
    set length [llength $pairs]
    if {$length % 2} {
	return -code error "bad translation list:\
		should be \"[lindex [info level 0] 0] locale {src dest ...}\""
    }
    set ns [uplevel 1 [list ::namespace current]]
    foreach {src dest} $pairs {
	dict set Msgs $FileLocale $ns $src $dest
    }
    return [expr {$length / 2}]
}

# ---- loading catalogs ------------------------------------------------------------------

# Source the .msg files of `langdir` for `locales`, least specific first so
# that more specific ones win; the number of files loaded.
proc ::msgcat::LoadFiles {langdir locales} {
    variable FileLocale
    variable LoadedLocales
    set files {}
    foreach file [glob -nocomplain -directory $langdir -types {f r} *.msg] {
	dict set files [string tolower [file rootname [file tail $file]]] $file
    }
    set count 0
    foreach locale [lreverse $locales] {
	set name [expr {$locale eq "" ? "root" : $locale}]
	if {![dict exists $files $name]} continue
	incr count
	set FileLocale $locale
	try {
	    uplevel 1 [list ::source -encoding utf-8 [dict get $files $name]]
	} finally {
	    unset -nocomplain FileLocale
	}
    }
    return $count
}

proc ::msgcat::mcload {langdir} {
    set ns [uplevel 1 [list ::namespace current]]
    PackageSet $ns mcfolder $langdir
    return [uplevel 1 [list ::msgcat::LoadFiles $langdir [PackagePreferences $ns]]]
}


# ---- per-package configuration ------------------------------------------------------------

proc ::msgcat::PackageSet {ns option value} {
    variable PkgConfig
    dict set PkgConfig $ns $option $value
}

proc ::msgcat::PackagePreferences {ns} {
    variable PkgConfig
    variable Loclist
    if {[dict exists $PkgConfig $ns loclist]} {
	return [dict get $PkgConfig $ns loclist]
    }
    return $Loclist
}

proc ::msgcat::PackageUnknown {ns} {
    variable PkgConfig
    if {[dict exists $PkgConfig $ns unknowncmd]} {
	set handler [dict get $PkgConfig $ns unknowncmd]
	if {$handler eq ""} {return ::msgcat::DefaultUnknown}
	return $handler
    }
    return ""
}

proc ::msgcat::DefaultUnknown {locale src args} {
    if {[llength $args]} {
	return [format $src {*}$args]
    }
    return $src
}

proc ::msgcat::mcpackageconfig {subcommand option {value ""}} {
    variable PkgConfig
    set ns [uplevel 1 [list ::namespace current]]
    if {$option ni {mcfolder loadcmd changecmd unknowncmd}} {
	return -code error "bad option \"$option\": must be mcfolder, loadcmd,\
		changecmd, or unknowncmd"
    }
    switch -exact -- $subcommand {
	get {
	    if {![dict exists $PkgConfig $ns $option]} {
		return -code error "package option \"$option\" not set"
	    }
	    return [dict get $PkgConfig $ns $option]
	}
	isset {
	    return [dict exists $PkgConfig $ns $option]
	}
	unset {
	    if {[dict exists $PkgConfig $ns]} {
		dict unset PkgConfig $ns $option
	    }
	    return
	}
	set {
	    dict set PkgConfig $ns $option $value
	    switch -- $option {
		mcfolder {
		    return [namespace eval $ns [list ::msgcat::LoadFiles $value \
			    [PackageLoaded $ns]]]
		}
	    }
	    return 0
	}
	default {
	    return -code error "unknown subcommand \"$subcommand\": must be\
		    get, isset, set, or unset"
	}
    }
}

proc ::msgcat::PackageLoaded {ns} {
    variable LoadedLocales
    return $LoadedLocales
}

proc ::msgcat::mcpackagelocale {subcommand {locale ""}} {
    variable PkgConfig
    variable Loclist
    variable LoadedLocales
    set ns [uplevel 1 [list ::namespace current]]
    set locale [string tolower $locale]
    switch -exact -- $subcommand {
	get {
	    return [lindex [PackagePreferences $ns] 0]
	}
	preferences {
	    return [PackagePreferences $ns]
	}
	loaded {
	    return $LoadedLocales
	}
	present {
	    return [expr {$locale in $LoadedLocales}]
	}
	isset {
	    return [dict exists $PkgConfig $ns loclist]
	}
	set {
	    if {[llength [info level 0]] == 2} {
		set locale [lindex $Loclist 0]
	    }
	    CheckLocale $locale
	    set prefs [Preferences $locale]
	    dict set PkgConfig $ns loclist $prefs
	    LoadLocales $prefs
	    if {[dict exists $PkgConfig $ns mcfolder]} {
		namespace eval $ns [list ::msgcat::LoadFiles \
			[dict get $PkgConfig $ns mcfolder] $prefs]
	    }
	    if {[dict exists $PkgConfig $ns changecmd]
		    && [dict get $PkgConfig $ns changecmd] ne ""} {
		uplevel #0 [list {*}[dict get $PkgConfig $ns changecmd] {*}$prefs]
	    }
	    return
	}
	clear {
	    ForgetLocalesBut [PackagePreferences $ns]
	    return
	}
	unset {
	    if {[dict exists $PkgConfig $ns]} {
		dict unset PkgConfig $ns loclist
	    }
	    return
	}
	default {
	    return -code error "unknown subcommand \"$subcommand\": must be\
		    clear, get, isset, loaded, present, set, or unset"
	}
    }
}

proc ::msgcat::mcforgetpackage {} {
    variable PkgConfig
    variable Msgs
    set ns [uplevel 1 [list ::namespace current]]
    if {[dict exists $PkgConfig $ns]} {
	dict unset PkgConfig $ns
    }
    foreach locale [dict keys $Msgs] {
	if {[dict exists $Msgs $locale $ns]} {
	    dict unset Msgs $locale $ns
	}
    }
    return
}

proc ::msgcat::mcutil {subcommand args} {
    switch -exact -- $subcommand {
	getsystemlocale {return [SystemLocale]}
	getpreferences {
	    if {[llength $args] != 1} {
		return -code error "wrong # args: should be\
			\"mcutil getpreferences locale\""
	    }
	    return [Preferences [string tolower [lindex $args 0]]]
	}
	default {
	    return -code error "unknown subcommand \"$subcommand\": must be\
		    getpreferences, or getsystemlocale"
	}
    }
}

# ---- initial locale: LC_ALL, LC_MESSAGES, LANG, else C ------------------------------------

proc ::msgcat::SystemLocale {} {
    foreach name {LC_ALL LC_MESSAGES LANG} {
	if {[info exists ::env($name)] && $::env($name) ne ""} {
	    return [ConvertLocale $::env($name)]
	}
    }
    return c
}

::msgcat::mclocale [::msgcat::SystemLocale]
