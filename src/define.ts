// Registers every labelkit element. Each element also has its own `define` entry for lazy loading.
export {};
