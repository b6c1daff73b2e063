// A flow deployed from this project earlier, when its file was still named events.flow.yaml.
import io.flowascode.compiler.CompilerOptions
import io.flowascode.compiler.FlowCompiler
import io.flowascode.compiler.catalog.BundledCatalog
import io.flowascode.compiler.batch.FlowBatch
import io.flowascode.engine.apply.*
import io.flowascode.engine.target.*

def server = evaluate(new File(basedir, '../../../src/it/start-server.groovy'))
def catalog = BundledCatalog.load()
def flows = new File(basedir, 'src/main/flows').listFiles().collect { it.toPath() }
def batch = new FlowBatch(new FlowCompiler(catalog, CompilerOptions.DEFAULT)).compile(flows, basedir.toPath())
def target = new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials('admin', Secret.of('it-Pa55word-never-logged'))), HttpOptions.defaults())
def result = new ApplyJob(target, catalog, 1).apply(DesiredFlows.of(batch), Prune.off(), { plan -> true } as ApplyGate)
assert result.report().count(Outcome.CREATED) == 1
target.close()
return true
