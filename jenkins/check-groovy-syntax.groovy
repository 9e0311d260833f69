// Parses and compiles each file given as a Groovy script, without running it: a syntax error in
// the Jenkinsfile fails here with its line and column instead of in Jenkins after a push.
// `--self-test FILE` also compiles FILE without its last closing brace and fails unless that
// broken copy is refused, so CI proves the check is not vacuous. Run by jenkins/check-jenkinsfile.sh.
import org.codehaus.groovy.control.CompilationFailedException

boolean compiles(String name, String text, boolean quiet = false) {
  try {
    new GroovyShell().parse(text, name.replaceAll(/\W/, '_'))
    return true
  } catch (CompilationFailedException e) {
    if (!quiet) System.err.println "groovy syntax error in ${name}:\n${e.message}"
    return false
  }
}

boolean selfTest = args.length > 0 && args[0] == '--self-test'
List<String> files = selfTest ? args.drop(1).toList() : args.toList()
int failures = 0
files.each { path ->
  String text = new File(path).text
  if (compiles(path, text)) println "groovy syntax ok: ${path}" else failures++
  if (selfTest) {
    int last = text.lastIndexOf('}')
    String broken = text.substring(0, last) + text.substring(last + 1)
    if (compiles("${path} without its last brace", broken, true)) {
      System.err.println 'self-test FAILED: a broken copy was accepted'
      failures++
    } else println "self-test ok: a broken copy of ${path} is refused"
  }
}
System.exit(failures ? 1 : 0)
