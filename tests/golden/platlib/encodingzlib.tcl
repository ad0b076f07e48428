# encoding and zlib: conversions, checksums, round trips and errors.
proc hex {s} {binary scan $s H* h; return $h}
puts [llength [encoding names]]
foreach {enc text} {utf-8 "\u00e9\u20ac" iso8859-1 "caf\u00e9" cp1252 "\u20ac" shiftjis "\u4e4e"
		    unicode "AB" iso8859-7 "\u03b1\u03b2" ascii "\u00e9x" koi8-r "\u0416"} {
    set bytes [encoding convertto $enc $text]
    puts "$enc: [hex $bytes] [expr {[encoding convertfrom $enc $bytes] eq $text}]"
}
puts [string length [encoding convertfrom utf-8 "\xc0\x80"]]
puts [hex [encoding convertfrom utf-8 "a\xffb"]]
foreach bad {{convertto nosuch x} {convertfrom} {system nosuch} {bogus}} {
    catch {encoding {*}$bad} msg
    puts "encoding $bad: $msg"
}
set data [string repeat "tclish zlib " 20]
foreach {pack unpack} {compress decompress deflate inflate gzip gunzip} {
    puts "$pack: [expr {[zlib $unpack [zlib $pack $data]] eq $data}]"
}
puts [zlib crc32 "dabale arroz a la zorra el abad"]
puts [format %x [zlib adler32 abcdeabcdeabcdeabcdeabcdeabcde]]
set g [zlib gzip $data -header {comment hi filename x.txt}]
zlib gunzip $g -headerVar h
puts "[dict get $h comment] [dict get $h filename] [dict get $h size]"
set s [zlib stream compress]
$s put abc
$s put -finalize def
set z [$s get]
$s close
puts [zlib decompress $z]
foreach bad {{inflate garbage} {gunzip notgzip} {bogus x} {compress}} {
    catch {zlib {*}$bad} msg
    puts "zlib $bad: $msg"
}
