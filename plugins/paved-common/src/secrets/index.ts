export { redactedYaml, redactYamlText } from './redact';
