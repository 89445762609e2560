// The three request bodies from the Krea v2 recipe page
// (shared/reference/krea-v2-on-civitai.txt), copied verbatim. Kept as JSON
// text so they reach the engine exactly as the recipe prints them (no
// `currencies`, no `imageStyleReferences` where the recipe omits them), even
// where the SDK's TypeScript types would insist on more.

export const RECIPE_MEDIUM = JSON.parse(`{
  "steps": [{
    "$type": "imageGen",
    "input": {
      "engine": "fal",
      "model": "krea2",
      "operation": "createImage",
      "size": "medium",
      "prompt": "A photorealistic portrait of a woman with flowers in her hair, golden hour lighting",
      "aspectRatio": "1:1",
      "creativity": "medium"
    }
  }]
}`);

export const RECIPE_LARGE = JSON.parse(`{
  "steps": [{
    "$type": "imageGen",
    "input": {
      "engine": "fal",
      "model": "krea2",
      "operation": "createImage",
      "size": "large",
      "prompt": "An epic fantasy battle scene with dragons, cinematic lighting, intricate details",
      "aspectRatio": "16:9",
      "creativity": "high"
    }
  }]
}`);

export const RECIPE_STYLE_REFERENCES = JSON.parse(`{
  "steps": [{
    "$type": "imageGen",
    "input": {
      "engine": "fal",
      "model": "krea2",
      "operation": "createImage",
      "size": "medium",
      "prompt": "A serene mountain landscape with the same artistic style",
      "aspectRatio": "3:2",
      "creativity": "medium",
      "imageStyleReferences": [
        { "imageUrl": "https://image.civitai.com/.../reference.jpeg", "strength": 1.0 }
      ]
    }
  }]
}`);

/** A Krea v2 body for tests that need variations of their own. */
export function kreaBody(input: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    steps: [
      {
        $type: "imageGen",
        input: {
          engine: "fal",
          model: "krea2",
          operation: "createImage",
          prompt: "a quiet harbour at dawn",
          ...input,
        },
      },
    ],
    currencies: [],
    ...extra,
  };
}
