def server = context.get('server')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('created    expense-router')
  assert log.contains('created    stream-selector')
  assert log.contains('created    rpc-out')
  assert log.contains('Apply: 3 created, 0 updated, 0 deleted, 0 unchanged, 0 refused, 0 failed.')
  assert log.contains('Apply: 0 created, 0 updated, 0 deleted, 3 unchanged, 0 refused, 0 failed.')
  assert log.contains('No changes.')
  assert !log.contains('it-Pa55word-never-logged')
  // The secret from flow.secretsFiles is what the engine holds, and never in the log.
  assert !log.contains('it-rpc-id-never-logged')
  def rpc = server.stored('rpc-out').get().path('stages').find { it.path('instanceName').asText().startsWith('SDCRPC') }
  assert rpc.path('configuration').find { it.path('name').asText() == 'config.appId' }.path('value').asText() == 'it-rpc-id-never-logged'
  assert server.stored('expense-router').isPresent()
  assert server.stored('expense-router').get().path('title').asText() == 'Expense router'
} finally {
  server.close()
}
