/**
 * WebGL on a real GPU; pixi's Canvas2D renderer where WebGL is software (SwiftShader, llvmpipe),
 * because there every full-viewport textured quad costs tens of milliseconds (TOOLCHAIN.md).
 */
export type RendererPreference = 'auto' | 'webgl' | 'canvas';

/** The answer for this page: asking makes a WebGL context, which costs 5–20 ms in software GL. */
let software: boolean | undefined;

export function softwareWebGL(): boolean {
  software ??= readSoftwareWebGL();
  return software;
}

function readSoftwareWebGL(): boolean {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return true;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

export function chooseRenderer(preference: RendererPreference): 'webgl' | 'canvas' {
  if (preference !== 'auto') return preference;
  return softwareWebGL() ? 'canvas' : 'webgl';
}
