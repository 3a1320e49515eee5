// Registers the shared panels.
export {};
