import groovy.json.JsonSlurper
def out = new File(basedir, 'target/flow')
assert new File(out, 'stream-selector.json').isFile()
def expense = new JsonSlurper().parse(new File(out, 'expense-router.json'))
assert expense.pipelineId == 'expense-router'
assert expense.stages.size() == 13
assert expense.stages*.instanceName.contains('RecordDeduplicator_01')
assert !out.listFiles().any { it.name.endsWith('.tmp') }
