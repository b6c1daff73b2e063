import groovy.json.JsonSlurper
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def constants(File pipeline) {
  def json = new JsonSlurper().parse(pipeline)
  def root = json.pipelineConfig ?: json
  root.configuration.find { it.name == 'constants' }.value.collectEntries { [(it.key): it.value] }
}
def stored(String store) {
  def dir = new File(basedir, "target/${store}/expense-router")
  assert dir.isDirectory() : "no expense-router in ${store}"
  dir.listFiles().find { it.name.endsWith('.json') && it.text.contains('"constants"') }
}

// Each environment got the same flow, with its own parameter values.
assert constants(stored('dev-store')).LIMIT == '10000'
assert constants(stored('staging-store')).LIMIT == '20000'
assert log.contains('Environment staging: local store at')
assert log.contains('No changes.')
assert !new File(basedir, '.flow-store').exists()

// Compiled for staging, with the file permissions any new file gets.
def compiled = new File(basedir, 'target/flow/expense-router.json')
assert constants(compiled).LIMIT == '20000'
def ordinary = Files.createFile(new File(basedir, 'target/ordinary.txt').toPath())
assert Files.getPosixFilePermissions(compiled.toPath()) == Files.getPosixFilePermissions(ordinary)

// flow:help keeps what the javadoc writes in angle brackets.
assert log.contains('flow.environment')
assert log.contains('<server>')
assert log.contains('BUILD SUCCESS')
