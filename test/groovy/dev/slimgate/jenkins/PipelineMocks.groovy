package dev.slimgate.jenkins

import com.lesfurets.jenkins.unit.BasePipelineTest
import com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration
import com.lesfurets.jenkins.unit.global.lib.LocalSource

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.regex.Pattern

/**
 * Mocks of the Jenkins steps the slimgate library uses, stricter than JenkinsPipelineUnit's own:
 * error throws as in Jenkins, sh fails on any command the test did not expect, withCredentials
 * binds a recognisable fake secret (so a test can prove no secret reaches a command line) and sh
 * returns only what the options ask for. Shared by the plain and the CPS base tests.
 */
class PipelineMocks {

  /** What the error step and a failing sh throw, like hudson.AbortException in Jenkins. */
  static class PipelineError extends RuntimeException {
    PipelineError(String message) {
      super(message)
    }
  }

  static final String ROOT = System.getenv('SLIMGATE_HOME') ?: new File('.').canonicalPath

  final BasePipelineTest test
  final List<String> shScripts = []
  final List<Map> shEnvironments = []
  final List<Map> shAnswers = []
  final Map<String, Object> jsonFiles = [:]
  final Set<String> files = [] as Set
  final List<String> echoes = []
  final Map<String, String> secretsBound = [:]
  Map inputAnswer
  /** What checkout(scm) returns, as Jenkins' Git plugin does (GIT_COMMIT and friends). */
  Map checkoutResult
  final List<Integer> inputNodeDepths = []
  int nodeDepth

  PipelineMocks(BasePipelineTest test) {
    this.test = test
  }

  /** The value a credential's variable holds inside withCredentials in these tests. */
  static String secretOf(String credentialsId) {
    return "SECRET-OF-${credentialsId}"
  }

  /** Points the test at the project sources: call before setUp(). */
  void configure(String extension) {
    test.scriptRoots = [ROOT] as String[]
    test.scriptExtension = extension
  }

  /** Registers the library as the folder NAME@VERSION that LocalSource expects, and the mocks. */
  void install(boolean implicit) {
    Path libs = Paths.get(ROOT, 'target', 'jpu-libs')
    Files.createDirectories(libs)
    Path link = libs.resolve('slimgate@main')
    if (!Files.exists(link)) {
      Files.createSymbolicLink(link, Paths.get(ROOT))
    }
    test.helper.registerSharedLibrary(new LibraryConfiguration(name: 'slimgate', defaultVersion: 'main',
        allowOverride: true, implicit: implicit, targetPath: libs.toString(),
        retriever: LocalSource.localSource(libs.toString())))
    test.binding.setVariable('env', [:])
    test.binding.setVariable('scm', [type: 'git'])
    test.binding.setVariable('currentBuild', [result: null])
    files << 'bin/slimgate'
    registerMocks()
  }

  /** Lets sh run commands equal to {@code match} (a String) or matching it (a Pattern). */
  void expectSh(Object match, int status = 0, String stdout = '') {
    shAnswers << [match: match, status: status, stdout: stdout]
  }

  /** The arguments of every call of {@code step}, in order, GStrings made Strings. */
  List callsOf(String step) {
    return plain(test.helper.callStack.findAll { it.methodName == step }.collect { it.args.toList() })
  }

  /** {@code value} with every GString in it made a String, so that it equals plain literals. */
  static Object plain(Object value) {
    if (value instanceof GString) {
      return value.toString()
    }
    if (value instanceof Map) {
      return value.collectEntries { k, v -> [(plain(k)): plain(v)] }
    }
    if (value instanceof List) {
      return value.collect { plain(it) }
    }
    return value
  }

  private Map answerFor(String script) {
    Map answer = shAnswers.find {
      it.match instanceof Pattern ? script ==~ it.match : script == it.match
    }
    if (answer == null) {
      throw new AssertionError((Object) "unexpected sh: ${script}\nexpected one of: ${shAnswers*.match}".toString())
    }
    return answer
  }

  private Object sh(Map options) {
    String script = options.script
    shScripts << script
    shEnvironments << new LinkedHashMap(test.binding.getVariable('env'))
    Map answer = answerFor(script)
    if (options.returnStatus) {
      return answer.status
    }
    if (answer.status != 0) {
      throw new PipelineError("script returned exit code ${answer.status}")
    }
    return options.returnStdout ? answer.stdout : null
  }

  private void worsen(String result) {
    List order = [null, 'SUCCESS', 'UNSTABLE', 'FAILURE']
    Map build = test.binding.getVariable('currentBuild')
    if (order.indexOf(result) > order.indexOf(build.result)) {
      build.result = result
    }
  }

  private Object withValues(Map env, Map values, Closure body) {
    Map saved = env.subMap(values.keySet())
    env.putAll(values)
    try {
      return body()
    } finally {
      values.keySet().each { env.remove(it) }
      env.putAll(saved)
    }
  }

  private void registerMocks() {
    def h = test.helper
    h.registerAllowedMethod('error', [String]) { String message ->
      worsen('FAILURE')
      throw new PipelineError(message)
    }
    h.registerAllowedMethod('sh', [String]) { String script -> sh(script: script) }
    h.registerAllowedMethod('sh', [Map]) { Map options -> sh(options) }
    h.registerAllowedMethod('echo', [String]) { String line -> echoes << line }
    h.registerAllowedMethod('unstable', [String]) { String message ->
      echoes << "UNSTABLE: ${message}"
      worsen('UNSTABLE')
    }
    h.registerAllowedMethod('readJSON', [Map]) { Map options ->
      if (options.returnPojo != true) {
        // without it Jenkins returns net.sf.json objects whose JSON nulls are truthy in Groovy
        throw new AssertionError((Object) "readJSON(file: ${options.file}) without returnPojo: true".toString())
      }
      String file = options.file.toString()
      if (!jsonFiles.containsKey(file)) {
        throw new PipelineError("java.io.FileNotFoundException: ${file} does not exist.")
      }
      return jsonFiles[file]
    }
    h.registerAllowedMethod('fileExists', [String]) { String path -> files.contains(path.toString()) }
    h.registerAllowedMethod('string', [Map]) { Map m -> [kind: 'string'] + m }
    h.registerAllowedMethod('usernamePassword', [Map]) { Map m -> [kind: 'usernamePassword'] + m }
    h.registerAllowedMethod('withCredentials', [List, Closure]) { List bindings, Closure body ->
      Map values = [:]
      bindings.each { Map b ->
        if (b.kind == 'usernamePassword') {
          values[b.usernameVariable] = "user-of-${b.credentialsId}"
          values[b.passwordVariable] = secretOf(b.credentialsId)
        } else {
          values[b.variable] = secretOf(b.credentialsId)
        }
        secretsBound[b.credentialsId] = (b.variable ?: b.passwordVariable)
      }
      withValues(test.binding.getVariable('env'), values, body)
    }
    h.registerAllowedMethod('withEnv', [List, Closure]) { List pairs, Closure body ->
      Map values = pairs.collectEntries { String p ->
        [(p.substring(0, p.indexOf('='))): p.substring(p.indexOf('=') + 1)]
      }
      withValues(test.binding.getVariable('env'), values, body)
    }
    ['junit', 'archiveArtifacts', 'publishHTML', 'recordIssues', 'milestone', 'stash',
     'copyArtifacts'].each { String step ->
      h.registerAllowedMethod(step, [Map]) { Map m -> null }
    }
    h.registerAllowedMethod('checkout', [Map]) { Map m -> checkoutResult }
    h.registerAllowedMethod('checkout', [Object]) { Object scm -> checkoutResult }
    h.registerAllowedMethod('sarif', [Map]) { Map m -> [tool: 'sarif'] + m }
    h.registerAllowedMethod('text', [Map]) { Map m -> [parameter: 'text'] + m }
    h.registerAllowedMethod('lastSuccessful', []) { -> [selector: 'lastSuccessful'] }
    h.registerAllowedMethod('unstash', [String]) { String name -> null }
    h.registerAllowedMethod('lock', [Map, Closure]) { Map m, Closure body -> body() }
    h.registerAllowedMethod('lock', [String, Closure]) { String m, Closure body -> body() }
    h.registerAllowedMethod('node', [String, Closure]) { String label, Closure body ->
      nodeDepth++
      try {
        return body()
      } finally {
        nodeDepth--
      }
    }
    h.registerAllowedMethod('input', [Map]) { Map m ->
      inputNodeDepths << nodeDepth
      if (inputAnswer == null) {
        throw new AssertionError((Object) "unexpected input: ${m.message}".toString())
      }
      return inputAnswer
    }
  }
}
