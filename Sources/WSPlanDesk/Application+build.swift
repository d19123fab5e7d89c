import Hummingbird
import Logging

/// The desk's whole application, as Hummingbird's template assembles it: router, middleware,
/// one controller per resource. Tests drive the same application without a socket.
public func buildApplication(_ configuration: DeskConfiguration) -> some ApplicationProtocol {
    let desk = Desk(configuration)
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ErrorPageMiddleware())
    router.add(middleware: PasswordMiddleware(password: configuration.password))
    router.add(middleware: CSRFMiddleware(token: desk.csrf, limit: configuration.uploadLimit))
    ScenariosController(desk: desk).addRoutes(to: router)
    SolveController(desk: desk).addRoutes(to: router)
    FeedsController(desk: desk).addRoutes(to: router)
    CompareController(desk: desk).addRoutes(to: router)
    ConfirmController(desk: desk).addRoutes(to: router)
    ExplainController(desk: desk).addRoutes(to: router)
    TrainersController(desk: desk).addRoutes(to: router)
    RequestsController(desk: desk).addRoutes(to: router)
    ImportController(desk: desk).addRoutes(to: router)
    SettingsController(desk: desk).addRoutes(to: router)
    var logger = Logger(label: "wsplan-serve")
    logger.logLevel = .warning
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "wsplan"), logger: logger)
}
