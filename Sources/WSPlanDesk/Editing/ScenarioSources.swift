import Foundation
import PlanningIO

/// The files a scenario's edit forms write: its own YAML and, when its own `municipalities:` names
/// a file directly in the folder, that request file. Their version (a hash of their bytes) is what
/// every form carries, so a save from a page that is out of date is refused (409).
struct ScenarioSources {
    enum Requests: Equatable {
        /// `municipalities: requests.csv` (or `.xlsx`): a file in the folder, by name.
        case file(String)
        /// An inline list in the scenario's own YAML.
        case inline
        /// Not in the scenario's own file: taken from its base (`extends`), or missing.
        case inherited
        /// A file name that points elsewhere (a sub-folder, outside): not edited here.
        case elsewhere(String)
    }

    let id: String
    let yamlName: String
    let yamlPath: String
    let yamlData: Data
    let requests: Requests
    let root: URL

    init?(_ folder: ScenarioFolder, id: String) {
        guard let path = folder.path(of: id), let data = FileManager.default.contents(atPath: path) else { return nil }
        self.id = id
        yamlName = id + ".yaml"
        yamlPath = path
        yamlData = data
        root = folder.root
        let yaml = ScenarioYAMLText(String(decoding: data, as: UTF8.self))
        switch yaml["municipalities"] {
        case .scalar(let scalar)?:
            requests = ScenarioFolder.isSafeName(scalar.string) ? .file(scalar.string) : .elsewhere(scalar.string)
        case .sequence?: requests = .inline
        default: requests = .inherited
        }
    }

    var yamlText: String { String(decoding: yamlData, as: UTF8.self) }
    var yaml: ScenarioYAMLText { ScenarioYAMLText(yamlText) }

    /// The request file's name when it is a CSV file in the folder (and thus editable row by row).
    var requestCSV: String? {
        if case .file(let name) = requests, !name.lowercased().hasSuffix(".xlsx") { return name }
        return nil
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// The version of the files as they are now on disk.
    var version: String {
        var names = [yamlName]
        if case .file(let name) = requests { names.append(name) }
        return FileVersion.of(names.map(path))
    }
}

/// A short hash of files' bytes (FNV-1a, 64 bits): it changes whenever one of them changes.
enum FileVersion {
    static func of(_ paths: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for path in paths {
            let data = FileManager.default.contents(atPath: path)
            for byte in data ?? Data([0xFF, 0xFE]) { add(byte) }
            for byte in withUnsafeBytes(of: UInt64(data?.count ?? 0).littleEndian, Array.init) { add(byte) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
