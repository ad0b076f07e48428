# http 2.9's configuration, query formatting, URL schemes and the errors
# of bad options and URLs (none of these needs a server).
package require http
puts [package require http 2]

set config [http::config]
puts [dict keys $config]
dict unset config -useragent
puts $config
puts [string match {Mozilla/5.0 (*) http/2.9.8 Tcl/8.6.13} [http::config -useragent]]
http::config -accept text/plain -proxyport 3128
puts "[http::config -accept] [http::config -proxyport]"
http::config -accept */* -proxyport {}
foreach args {{-foo} {-foo 1} {-accept */* -bar 2}} {
    catch {http::config {*}$args} message
    puts $message
}

puts [http::formatQuery a b c "d e&f=/\u00fc" tilde ~._-* empty {}]
puts [http::formatQuery]
puts [http::quoteString "line\nbreak\rreturn+plus"]
catch {http::formatQuery a b c} message
puts $message
http::config -urlencoding iso8859-1
puts [http::quoteString \u00fc]
http::config -urlencoding utf-8

# URL schemes: https needs a tls package, registered by the caller
catch {http::geturl https://example.com/} message
puts $message
puts [http::register https 443 ::my::tlsSocket]
puts [http::unregister https]
catch {http::unregister https} message
puts $message
catch {http::geturl ftp://example.com/} message
puts $message

foreach url {{} /path http:///x http://127.0.0.1:x/ http://127.0.0.1:99999999/
	     {http://127.0.0.1:1/a b} {http://us er@127.0.0.1:1/}} {
    catch {http::geturl $url} message
    puts "[list $url] -> $message"
}
foreach option {{-foo 1} {-timeout x} {-blocksize 1.5} {-binary maybe}
		{-validate x} {-strict x} {-queryblocksize x} {-headers {a b c}}} {
    catch {http::geturl http://127.0.0.1:1/ {*}$option} message
    puts "$option -> $message"
}
catch {http::geturl} message
puts $message
# a refused option or URL leaves no state array behind
puts "tokens left [llength [info vars ::http::\[0-9\]*]]"
catch {http::geturl http://127.0.0.1:1/ -keepalive x} message
puts $message
