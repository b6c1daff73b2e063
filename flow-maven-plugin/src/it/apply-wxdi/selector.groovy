// The watsonx double serves the real engine definitions of ../shared; without them there is nothing to run.
return new File(sharedDir, 'platform/definitions/sdc-basic-dev-definitions.json').exists()
