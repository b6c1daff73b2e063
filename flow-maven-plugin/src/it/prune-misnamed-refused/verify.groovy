def server = context.get('server')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('No flow files (*.flow.yaml) in')
  assert log.contains('flow.allowEmpty=true')
  assert log.contains('refusing to prune: the project declares no flow')
  assert !log.contains('deleted    events')
  assert server.stored('events').isPresent()
  assert !log.contains('it-Pa55word-never-logged')
} finally {
  server.close()
}
