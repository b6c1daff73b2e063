def server = context.get('server')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('refused    events: it changed on the remote after the plan was made')
  assert log.contains('run plan again')
  assert log.contains('flow(s) refused because the remote changed')
  assert server.stored('events').get().path('title').asText() == 'Renamed in the UI'
  assert !log.contains('it-Pa55word-never-logged')
} finally {
  server.close()
}
