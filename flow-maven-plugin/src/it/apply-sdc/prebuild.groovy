evaluate(new File(basedir, '../../../src/it/start-server.groovy'))
return true
