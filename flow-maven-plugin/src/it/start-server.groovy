// Shared by the ITs that need a Data Collector: starts the loopback test server on the port the
// build reserved, with the user of src/it/settings.xml's `sdc-it` server.
import io.flowascode.compiler.catalog.BundledCatalog
import io.flowascode.testkit.DataCollectorServer
import com.fasterxml.jackson.databind.node.JsonNodeFactory

def server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
    .catalog(BundledCatalog.load())
    .port(Integer.parseInt(sdcPort))
    .user('admin', 'it-Pa55word-never-logged', 'admin')
    .start()
context.put('server', server)
return server
