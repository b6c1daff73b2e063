def log = new File(basedir, 'build.log').text
assert log.contains('Skipping flow:validate (flow.skip=true)')
assert log.contains('BUILD SUCCESS')
