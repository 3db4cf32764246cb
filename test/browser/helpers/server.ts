// The tests serve built courses with the same loopback static server as `coursemark verify`.
export { serveDirectory, type ServeOptions, type StaticServer } from '../../../scripts/lms/static-server.js';
