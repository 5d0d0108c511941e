// onnxruntime-node returns typed arrays from Node's own realm; jest's sandbox has its own
// Float32Array etc., so `instanceof` checks inside onnxruntime fail. Share the outer constructors.
const { TestEnvironment } = require('jest-environment-node');
const SHARED = ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
  'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
  'BigUint64Array', 'Buffer'];
class SharedTypedArrayEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) if (globalThis[name]) this.global[name] = globalThis[name];
  }
}
module.exports = SharedTypedArrayEnvironment;
