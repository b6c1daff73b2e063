def server = context.get('server')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('created    expense-router')
  assert log.contains('created    stream-selector')
  assert log.contains('Apply: 2 created, 0 updated, 0 deleted, 0 unchanged, 0 refused, 0 failed.')
  assert log.contains('Apply: 0 created, 0 updated, 0 deleted, 2 unchanged, 0 refused, 0 failed.')
  assert log.contains('No changes.')
  assert !log.contains('it-Pa55word-never-logged')
  assert server.stored('expense-router').isPresent()
  assert server.stored('expense-router').get().path('title').asText() == 'Expense router'
} finally {
  server.close()
}
