// Leitwarte's own initializer, served instead of the WebJar's, which points at an example API on the internet.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No badge from validator.swagger.io: the page must work without internet access.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
