# binary encode/decode options: the word count is checked first, option names
# are exact (tcllib base64.test checks the message)
foreach cmd {
  {binary encode base64 -foo bar}
  {binary encode base64 -foo}
  {binary encode base64 -maxlen 2 -foo bar}
  {binary encode base64 -foo bar baz}
  {binary encode base64 -maxlen}
  {binary encode base64 -maxlen x abc}
  {binary encode hex -foo bar}
  {binary encode uuencode -foo bar}
  {binary encode uuencode -foo bar baz}
  {binary decode base64 -foo bar}
  {binary decode base64 -strict -foo bar}
  {binary decode hex -foo bar}
  {binary decode uuencode -foo bar}
} { catch $cmd m; puts "$cmd => $m" }
foreach cmd {
  {binary encode base64 -max 2 abc}
  {binary encode base64 -maxlen 2 -wrap | abcdef}
  {binary decode base64 -str YWJj}
  {binary decode hex -str 616263}
  {binary decode hex -strict -strict 616263}
  {binary encode base64}
  {binary decode base64}
} { catch $cmd m; puts "$cmd => $m" }
