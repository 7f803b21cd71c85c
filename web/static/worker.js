// Fieldbase's engine worker (see web/src/worker.rs): the page sends its own compiled
// WebAssembly.Module first; the worker instantiates it (so both run the very same
// code), then hands every message to Rust, those that arrived meanwhile included.
import init, { fieldbaseWorker } from "./fieldbase_web.js";

const held = [];
self.onmessage = async (first) => {
  self.onmessage = (e) => held.push(e.data);
  try {
    await init({ module_or_path: first.data });
  } catch (e) {
    // Thrown from a task, so that the page's `onerror` hears it and runs the
    // engine itself.
    setTimeout(() => {
      throw new Error(`the engine worker could not start: ${e}`);
    });
    return;
  }
  fieldbaseWorker(held);
};
