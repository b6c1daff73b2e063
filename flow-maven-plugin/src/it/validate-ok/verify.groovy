def log = new File(basedir, 'build.log').text
assert log.contains('1 flow file(s) valid')
assert log.contains('BUILD SUCCESS')
assert !log.contains('Exception')
