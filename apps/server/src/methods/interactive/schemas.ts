/** OpenAPI (JSON Schema) shapes of the interactive routes, for /docs and request checks. */

const click = {
  type: 'object',
  required: ['x', 'y', 'label'],
  properties: {
    x: { type: 'number', description: 'column in image pixels (0..width-1)' },
    y: { type: 'number', description: 'row in image pixels (0..height-1)' },
    label: { description: '1 (or "foreground") for the object, 0 (or "background")', anyOf: [{ type: 'integer' }, { type: 'string' }] },
  },
} as const;

const clickOut = { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' }, label: { type: 'integer' } } } as const;

export const sessionParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

export const maskQuery = {
  type: 'object',
  properties: { maskPng: { type: 'boolean', default: true, description: 'include the mask PNG as base64 in the response' } },
} as const;

export const clicksBody = {
  description: 'one click {x, y, label} (POST only) or {clicks: [...]}',
  type: 'object',
  properties: { clicks: { type: 'array', items: click }, x: click.properties.x, y: click.properties.y, label: click.properties.label },
} as const;

const timing = {
  type: 'object',
  description: 'milliseconds: waiting for the classifier, training, prediction (with up-sampling), outline tracing, PNG encoding, and the whole request',
  properties: {
    queueMs: { type: 'number' }, trainMs: { type: 'number' }, predictMs: { type: 'number' },
    outlineMs: { type: 'number' }, encodeMs: { type: 'number' }, totalMs: { type: 'number' },
  },
} as const;

export const sessionInfo = {
  type: 'object',
  properties: {
    sessionId: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    backbone: { type: 'string' },
    backboneSource: { type: 'string' },
    featureMs: { type: 'number' },
    workingSize: { type: 'array', items: { type: 'integer' }, description: '[height, width] the features were computed at' },
    grid: { type: 'object', properties: { width: { type: 'integer' }, height: { type: 'integer' }, channels: { type: 'integer' } } },
    clicks: { type: 'array', items: clickOut },
  },
} as const;

export const clickResult = {
  type: 'object',
  properties: {
    sessionId: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    clicks: { type: 'array', items: clickOut },
    maskArea: { type: 'integer', description: 'foreground pixels' },
    maskPng: { type: 'string', description: 'the mask as a grayscale PNG (0 background, 255 object), base64; GET mask.png for the bytes' },
    polygons: {
      type: 'array',
      description: 'outer outline of each connected component, largest first: points x0,y0,x1,y1,... in pixel centres',
      items: { type: 'object', properties: { points: { type: 'array', items: { type: 'number' } }, pixels: { type: 'integer' } } },
    },
    timing,
  },
} as const;

export const methodInfo = {
  type: 'object',
  properties: {
    backbone: { type: 'string' },
    backboneSource: { type: 'string' },
    maxSide: { type: 'integer' },
    sessions: { type: 'integer' },
    activeClassifiers: { type: 'integer', description: 'sessions whose classifier is kept between clicks' },
    cacheBytes: { type: 'integer' },
    cacheBudgetBytes: { type: 'integer' },
  },
} as const;

export const featureModelQuery = {
  type: 'object',
  required: ['width', 'height'],
  properties: {
    width: { type: 'integer', minimum: 16, maximum: 2048, description: "the graph's input width (the image's working size)" },
    height: { type: 'integer', minimum: 16, maximum: 2048, description: "the graph's input height" },
  },
} as const;

export const errorBody = { type: 'object', properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } } } as const;
