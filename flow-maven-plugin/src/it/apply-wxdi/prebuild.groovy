// The watsonx double on the reserved port: an environment on engine version 6.2.0 whose definitions
// are the shared Data Collector ones, and the API key of src/it/settings.xml's `wxdi-it` server.
import io.flowascode.testkit.WatsonxServer
import com.fasterxml.jackson.databind.ObjectMapper

def definitions = new ObjectMapper().readTree(new File(sharedDir, 'platform/definitions/sdc-basic-dev-definitions.json'))
def server = WatsonxServer.builder()
    .port(Integer.parseInt(wxdiPort))
    .apiKey('it-WxdiApiKey-never-logged', 'IBMid-it')
    .project('it-project')
    .engineVersion('6.2.0', true)
    .environment('env-it', '6.2.0')
    .definitions('6.2.0', definitions)
    .start()
context.put('server', server)
return true
