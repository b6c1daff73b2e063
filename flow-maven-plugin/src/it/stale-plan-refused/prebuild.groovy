// The flow is applied, a plan is saved for a change, then someone edits the flow in the UI:
// applying the saved plan must be refused.
import io.flowascode.compiler.CompilerOptions
import io.flowascode.compiler.FlowCompiler
import io.flowascode.compiler.catalog.BundledCatalog
import io.flowascode.compiler.batch.FlowBatch
import io.flowascode.engine.apply.*
import io.flowascode.engine.plan.PlanFile
import io.flowascode.engine.target.*

def server = evaluate(new File(basedir, '../../../src/it/start-server.groovy'))
def catalog = BundledCatalog.load()
def flows = new File(basedir, 'src/main/flows').listFiles().collect { it.toPath() }
def batch = new FlowBatch(new FlowCompiler(catalog, CompilerOptions.DEFAULT)).compile(flows, basedir.toPath())
def desired = DesiredFlows.of(batch)
def target = new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials('admin', Secret.of('it-Pa55word-never-logged'))), HttpOptions.defaults())
def first = new Planner(target, catalog, 1).plan(desired, false)
new Applier(target, catalog, 1).apply(first.plan(), first.snapshots())

def changed = desired.collect { d ->
  def p = d.pipeline().deepCopy()
  p.put('description', 'changed in git')
  new DesiredFlow(d.id(), d.title(), 'changed in git', p)
}
def plan = new Planner(target, catalog, 1).plan(changed, false).plan()
new File(basedir, 'target').mkdirs()
new PlanFile().write(new File(basedir, "target/plan.json").toPath(), plan, target.describe())

def current = target.read('events').get()
def ui = current.pipeline()
ui.put('title', 'Renamed in the UI')
target.save('events', ui, current.revision())
target.close()
return true
