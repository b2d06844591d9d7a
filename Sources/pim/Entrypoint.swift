import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph
import PIMSimulator
import PIMTerminal

// The composition root: picks Graph or the simulated tenant, the command line or the full screen.
print("pim \(CommandLineTool.version)")
