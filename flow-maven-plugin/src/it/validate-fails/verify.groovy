def log = new File(basedir, 'build.log').text
assert log.contains('error[E0301]: unknown stage label `Trsh`')
assert log.contains('src/main/flows/broken.flow.yaml:5:18')
assert log.contains('did you mean `Trash`?')
assert log.contains('1 error(s) in the flow files')
assert !log.contains('at io.flowascode')
assert log.contains('[WARNING] warning[W0701]')
