// Stand-in for the form-data package inside the bundle (see esbuild.js): MoMo has no
// multipart endpoints, so this is never constructed on any path the extension uses.
class FormDataStandIn {
  constructor() {
    throw new Error('multipart/form-data bodies are not supported in this build');
  }
}
module.exports = FormDataStandIn;
module.exports.default = FormDataStandIn;
