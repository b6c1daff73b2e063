def server = context.get('server')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('the stage definitions of engine version 6.2.0')
  assert new File(basedir, 'flow-definitions.lock.json').text.contains('"engineVersion": "6.2.0"')
  assert log.contains('Apply: 2 created, 0 updated, 0 deleted, 0 unchanged, 0 refused, 0 failed.')
  assert log.contains('No changes.')
  assert !log.contains('it-WxdiApiKey-never-logged')
  assert server.storedFlow('events').get().path('environment_id').asText() == 'env-it'
  assert server.storedFlow('events').get().path('engine_version').asText() == '6.2.0'
  assert server.storedDefinition('events').get().at('/metadata/managedBy').asText() == 'flow-as-code'
  assert server.requests().every { it.status() != 400 }
} finally {
  server.close()
}
