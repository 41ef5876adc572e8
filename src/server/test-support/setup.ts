// Every test file starts with the platform's domains registered, as the server and the command
// line do at start-up: access checks read every domain's verbs from that registry.
import '../domains.js';
