// The loopback LRS now lives with the emulated LMS in scripts/lms (shared by `coursemark verify`).
export * from '../../scripts/lms/lrs-server.js';
